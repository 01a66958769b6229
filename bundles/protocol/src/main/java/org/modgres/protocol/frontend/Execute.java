package org.modgres.protocol.frontend;

import java.util.Objects;

/** Runs a portal, returning at most {@code maxRows} rows; 0 (or less) means no limit. */
public record Execute(String portalName, int maxRows) implements FrontendMessage {
    public Execute {
        Objects.requireNonNull(portalName, "portalName");
    }
}
