package org.modgres.pgcatalog.impl;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL 15's comments on the built-in functions Modgres lists in pg_proc (same OIDs), as
 * its pg_description has them: what obj_description and pgjdbc's getFunctions show as remarks.
 */
final class FunctionDescriptions {

    private static final long PG_PROC = 1255;

    // objoid|description, from PostgreSQL 15's pg_description where classoid = 'pg_proc'::regclass
    private static final String TABLE = """
            44|I/O
            45|I/O
            89|PostgreSQL version string
            376|split delimited text, with null string
            384|concatenate array elements, using delimiter and null string, into text
            394|split delimited text
            395|concatenate array elements, using delimiter, into text
            720|octet length
            753|MACADDR manufacturer fields
            861|name of the current database
            868|position of substring
            870|lowercase
            871|uppercase
            872|capitalize each word
            873|left-pad string to length
            874|right-pad string to length
            875|trim selected characters from left end of string
            876|trim selected characters from right end of string
            877|extract portion of string
            878|map a set of characters appearing in string
            879|left-pad string to length
            880|right-pad string to length
            881|trim spaces from left end of string
            882|trim spaces from right end of string
            883|extract portion of string
            884|trim selected characters from both ends of string
            885|trim spaces from both ends of string
            938|non-persistent series generator
            939|non-persistent series generator
            940|modulus
            941|modulus
            947|modulus
            1066|non-persistent series generator
            1067|non-persistent series generator
            1068|non-persistent series generator
            1069|non-persistent series generator
            1081|format a type oid and atttypmod to canonical SQL
            1158|convert UNIX epoch to timestamptz
            1171|extract field from timestamp with time zone
            1194|base 10 logarithm
            1215|get description for object id and catalog name
            1216|get description for table column
            1217|truncate timestamp with time zone to specified units
            1282|quote an identifier for usage in a querystring
            1283|quote a literal for usage in a querystring
            1285|quote a data value for usage in a querystring
            1299|current transaction time
            1317|length
            1318|character length
            1340|base 10 logarithm
            1341|natural logarithm
            1342|round to nearest integer
            1343|truncate to integer
            1344|square root
            1345|cube root
            1347|natural exponential (e^x)
            1348|deprecated, use two-argument form instead
            1368|exponentiation
            1372|character length
            1374|octet length
            1375|octet length
            1381|character length
            1384|extract field from date
            1385|extract field from time
            1387|constraint description
            1394|absolute value
            1395|absolute value
            1396|absolute value
            1397|absolute value
            1398|absolute value
            1402|current schema name
            1403|current schema search list
            1481|base 10 logarithm
            1530|distance between endpoints
            1531|sum of path segments
            1597|convert encoding id to encoding name
            1598|random value
            1604|sine
            1605|cosine
            1606|tangent
            1608|radians to degrees
            1609|degrees to radians
            1610|PI
            1619|type of the argument
            1620|convert first char to int4
            1621|convert int4 to char
            1622|replicate string n times
            1640|select statement of a view
            1641|select statement of a view
            1642|role name by OID (with fallback)
            1643|index description
            1665|name of sequence for a serial column
            1681|bitstring length
            1682|octet length
            1705|absolute value
            1706|sign of value
            1707|value rounded to 'scale'
            1708|value rounded to 'scale' of zero
            1709|value truncated to 'scale'
            1710|value truncated to 'scale' of zero
            1711|nearest integer >= value
            1712|nearest integer <= value
            1713|length of string in specified encoding
            1716|deparse an encoded expression
            1728|modulus
            1730|square root
            1732|natural exponential (e^x)
            1734|natural logarithm
            1736|logarithm base m of n
            1741|base 10 logarithm
            1770|format timestamp with time zone to text
            1772|format numeric to text
            1773|format int4 to text
            1774|format int8 to text
            1775|format float4 to text
            1776|format float8 to text
            1778|convert text to timestamp with time zone
            1780|convert text to date
            1922|user privilege on relation by username, rel name
            1923|user privilege on relation by username, rel oid
            1924|user privilege on relation by user oid, rel name
            1925|user privilege on relation by user oid, rel oid
            1926|current user privilege on relation by rel name
            1927|current user privilege on relation by rel oid
            1973|trunc(x/y)
            1993|get description for object id and shared catalog name
            2010|octet length
            2015|trim selected bytes from both ends of string
            2020|truncate timestamp to specified units
            2021|extract field from timestamp
            2026|statistics: current backend PID
            2049|format timestamp to text
            2050|maximum value of all anyarray input values
            2051|minimum value of all anyarray input values
            2077|SHOW X as a function
            2079|is table visible in search path?
            2080|is type visible in search path?
            2081|is function visible in search path?
            2085|extract portion of string
            2086|extract portion of string
            2087|replace all occurrences in string of old_substr with new_substr
            2088|split string by field_sep and return field_num
            2091|array lower dimension
            2092|array upper dimension
            2100|the average (arithmetic mean) as numeric of all bigint values
            2101|the average (arithmetic mean) as numeric of all integer values
            2102|the average (arithmetic mean) as numeric of all smallint values
            2103|the average (arithmetic mean) as numeric of all numeric values
            2104|the average (arithmetic mean) as float8 of all float4 values
            2105|the average (arithmetic mean) as float8 of all float8 values
            2106|the average (arithmetic mean) as interval of all interval values
            2107|sum as numeric across all bigint input values
            2108|sum as bigint across all integer input values
            2109|sum as bigint across all smallint input values
            2110|sum as float4 across all float4 input values
            2111|sum as float8 across all float8 input values
            2112|sum as money across all money input values
            2113|sum as interval across all interval input values
            2114|sum as numeric across all numeric input values
            2115|maximum value of all bigint input values
            2116|maximum value of all integer input values
            2117|maximum value of all smallint input values
            2118|maximum value of all oid input values
            2119|maximum value of all float4 input values
            2120|maximum value of all float8 input values
            2122|maximum value of all date input values
            2123|maximum value of all time input values
            2124|maximum value of all time with time zone input values
            2125|maximum value of all money input values
            2126|maximum value of all timestamp input values
            2127|maximum value of all timestamp with time zone input values
            2128|maximum value of all interval input values
            2129|maximum value of all text input values
            2130|maximum value of all numeric input values
            2131|minimum value of all bigint input values
            2132|minimum value of all integer input values
            2133|minimum value of all smallint input values
            2134|minimum value of all oid input values
            2135|minimum value of all float4 input values
            2136|minimum value of all float8 input values
            2138|minimum value of all date input values
            2139|minimum value of all time input values
            2140|minimum value of all time with time zone input values
            2141|minimum value of all money input values
            2142|minimum value of all timestamp input values
            2143|minimum value of all timestamp with time zone input values
            2144|minimum value of all interval input values
            2145|minimum value of all text values
            2146|minimum value of all numeric input values
            2147|number of input rows for which the input expression is not null
            2162|argument list of a function
            2165|result type of a function
            2167|nearest integer >= value
            2169|exponentiation
            2176|array length
            2218|I/O
            2219|I/O
            2220|I/O
            2221|I/O
            2232|identity argument list of a function
            2244|maximum value of all bpchar input values
            2245|minimum value of all bpchar input values
            2250|user privilege on database by username, database name
            2251|user privilege on database by username, database oid
            2252|user privilege on database by user oid, database name
            2253|user privilege on database by user oid, database oid
            2254|current user privilege on database by database name
            2255|current user privilege on database by database oid
            2268|user privilege on schema by username, schema name
            2269|user privilege on schema by username, schema oid
            2270|user privilege on schema by user oid, schema name
            2271|user privilege on schema by user oid, schema oid
            2272|current user privilege on schema by schema name
            2273|current user privilege on schema by schema oid
            2284|replace text using regexp
            2285|replace text using regexp
            2286|total disk space usage for the specified table and associated indexes
            2288|convert a long int to a human readable text using size units
            2308|nearest integer >= value
            2309|nearest integer <= value
            2310|sign of value
            2311|MD5 hash
            2320|nearest integer >= value
            2321|MD5 hash
            2325|disk space usage for the main fork of the specified table or index
            2332|disk space usage for the specified fork of a table or index
            2505|select statement of a view with pretty-print option
            2506|select statement of a view with pretty-print option
            2507|index description (full create statement or single expression) with pretty-print option
            2508|constraint description with pretty-print option
            2509|deparse an encoded expression with pretty-print option
            2517|boolean-and aggregate
            2518|boolean-or aggregate
            2797|maximum value of all tid input values
            2798|minimum value of all tid input values
            2803|number of input rows
            2997|disk space usage for the specified table, including TOAST, free space and visibility map
            2998|disk space usage for all indexes attached to the specified table
            3058|concatenate values
            3059|concatenate values with separators
            3060|extract the first n characters
            3061|extract the last n characters
            3062|reverse text
            3100|row number within partition
            3101|integer rank with gaps
            3102|integer rank without gaps
            3105|split rows into N groups
            3106|fetch the preceding row value
            3107|fetch the Nth preceding row value
            3108|fetch the Nth preceding row value with default
            3109|fetch the following row value
            3110|fetch the Nth following row value
            3111|fetch the Nth following row value with default
            3112|fetch the first row value
            3113|fetch the last row value
            3159|select statement of a view with pretty-printing and specified line wrapping
            3166|convert a numeric to a human readable text using size units
            3259|non-persistent series generator
            3260|non-persistent series generator
            3277|returns an offset of value in array
            3278|returns an offset of value in array with start index
            3294|SHOW X as a function, optionally no error for missing variable
            3396|find first match for regexp
            3397|find first match for regexp
            3432|generate random UUID
            3461|construct timestamp
            3493|convert type name to regtype
            3495|convert classname to regclass
            3526|maximum value of all enum input values
            3527|minimum value of all enum input values
            3538|concatenate aggregate input into a string
            3539|format text message
            3540|format text message
            3545|concatenate aggregate input into a bytea
            3564|maximum value of all inet input values
            3565|minimum value of all inet input values
            3696|implementation of ^@ operator
            3711|number of lexemes
            3778|tablespace location
            3810|true if server is in recovery
            3846|construct date
            3848|lower bound of range
            3849|upper bound of range
            3986|rank of hypothetical row
            3992|rank of hypothetical row without gaps
            4084|I/O
            4085|I/O
            4112|MACADDR8 manufacturer fields
            4189|maximum value of all pg_lsn input values
            4190|minimum value of all pg_lsn input values
            4235|lower bound of multirange
            4236|upper bound of multirange
            5099|maximum value of all xid8 input values
            5100|minimum value of all xid8 input values
            6121|returns whether a relation can be part of a publication
            6174|extended statistics columns
            6195|trim selected bytes from left end of string
            6196|trim selected bytes from right end of string
            6199|extract field from date
            6200|extract field from time
            6202|extract field from timestamp
            6203|extract field from timestamp with time zone
            """;

    private FunctionDescriptions() {
    }

    static List<Descriptions.Description> all() {
        List<Descriptions.Description> descriptions = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            int bar = line.indexOf('|');
            descriptions.add(new Descriptions.Description(Long.parseLong(line.substring(0, bar).strip()), PG_PROC,
                    line.substring(bar + 1)));
        }
        return List.copyOf(descriptions);
    }
}
