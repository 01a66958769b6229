package org.modgres.api.error;

/** The severities of ErrorResponse and NoticeResponse, as PostgreSQL names them on the wire. */
public enum Severity {
    ERROR, FATAL, PANIC, WARNING, NOTICE, DEBUG, INFO, LOG
}
