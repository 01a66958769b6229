<#--
  Added to the token manager of the generated parser. The javacc-maven-plugin runs with
  commonTokenAction=true, so JavaCC calls CommonTokenAction for every token it returns, in order,
  whether the parser is looking ahead or not.
-->

    /** The kind of the token returned before the current one. */
    private int previousKind = EOF;

    /**
     * Applies PostgreSQL's lexical rules where Calcite's differ:
     * <ul>
     *   <li>an E'...' string becomes the standard string it stands for, decoded as PostgreSQL
     *       does;</li>
     *   <li>"?" becomes a token no rule accepts: PostgreSQL parameters are written $n. So does
     *       a word starting with "$" ($1abc), which Calcite would take for an identifier;</li>
     *   <li>a keyword after a dot, or after AS where no type or clause keyword is expected,
     *       becomes an identifier. PostgreSQL accepts any keyword there (attr_name, ColLabel:
     *       t.cardinality, count(*) AS count), while Calcite reserves hundreds of words.</li>
     * </ul>
     */
    void CommonTokenAction(Token t) {
        if (t.kind == C_STYLE_ESCAPED_STRING_LITERAL) {
            t.image = org.modgres.parser.impl.syntax.EscapeStrings.toStandardString(
                t.image, t.beginLine, t.beginColumn);
            t.kind = QUOTED_STRING;
        } else if (t.kind == HOOK || t.kind == IDENTIFIER && t.image.startsWith("$")) {
            t.kind = BEL;
        } else if (t.kind != IDENTIFIER && isWord(t.image)
                && (previousKind == DOT || previousKind == AS && !keywordAfterAs(t.kind))) {
            t.kind = IDENTIFIER;
        }
        previousKind = t.kind;
    }

    /**
     * The action of DOLLAR_QUOTED_STRING, which matched from its opening tag to the end of the
     * input: gives back what follows the closing tag and makes the token a standard string.
     */
    void cutDollarQuotedString(Token t) {
        final int length = org.modgres.parser.impl.syntax.DollarQuotes.length(
            t.image, t.beginLine, t.beginColumn);
        input_stream.backup(t.image.length() - length);
        t.image = org.modgres.parser.impl.syntax.DollarQuotes.toStandardString(t.image.substring(0, length));
        t.kind = QUOTED_STRING;
        t.endLine = input_stream.getEndLine();
        t.endColumn = input_stream.getEndColumn();
    }

    private static boolean isWord(String image) {
        if (image.isEmpty() || !Character.isLetter(image.charAt(0))) {
            return false;
        }
        for (int i = 1; i < image.length(); i++) {
            final char c = image.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Returns whether a keyword keeps its meaning after AS: it starts a type, a query or a clause. */
    private static boolean keywordAfterAs(int kind) {
        switch (kind) {
        case ANY: case BIGINT: case BINARY: case BOOLEAN: case CHAR: case CHARACTER: case DATE:
        case DEC: case DECIMAL: case DOUBLE: case FLOAT: case GEOMETRY: case INT: case INTEGER:
        case INTERVAL: case MAP: case MULTISET: case NUMERIC: case REAL: case ROW: case SMALLINT:
        case TIME: case TIMESTAMP: case TINYINT: case UNSIGNED: case UUID: case VARBINARY:
        case VARCHAR: case VARIANT:
        case OF: case MEASURE: case XML: case JSON: case DOT_FORMAT: case TRANSACTION:
        case SELECT: case VALUES: case WITH: case TABLE:
            return true;
        default:
            return false;
        }
    }
