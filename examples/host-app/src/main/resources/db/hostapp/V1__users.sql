-- The host's own login users (the library knows nothing of them). Portable SQL: H2, MariaDB/MySQL, PostgreSQL.
CREATE TABLE hostapp_users (
    username      VARCHAR(100) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMP    NOT NULL
);
