-- Waline's tables for PostgreSQL, written from the server's code (@waline/vercel 1.39.3: the
-- fields its controllers read and write, src/controller/*.js, through src/service/storage/
-- postgresql.js). The npm package ships no schema. Its ORM (think-model) silently drops any
-- field that has no column, so every field the server writes has one here; the tests read each
-- back. Column names are lower case because the storage layer lower-cases every key it sends.
-- `id` comes from a sequence named <table>_seq (the storage layer's setSeqId restarts it by that
-- name); pid, rid and user_id are integers (the server compares them with ids).

CREATE SEQUENCE wl_comment_seq;
CREATE TABLE wl_comment (
  id integer NOT NULL DEFAULT nextval('wl_comment_seq') CHECK (id > 0),
  user_id integer DEFAULT NULL,
  comment text,
  insertedat timestamp(0) without time zone DEFAULT CURRENT_TIMESTAMP,
  ip varchar(100) DEFAULT '',
  link varchar(255) DEFAULT NULL,
  mail varchar(255) DEFAULT NULL,
  nick varchar(255) DEFAULT NULL,
  pid integer DEFAULT NULL,
  rid integer DEFAULT NULL,
  sticky boolean DEFAULT NULL,
  status varchar(50) NOT NULL DEFAULT '',
  -- 0, not NULL: PostgreSQL puts NULLs first in a descending sort, so "most liked" would open
  -- with comments nobody liked.
  "like" integer NOT NULL DEFAULT 0,
  ua text,
  url varchar(255) DEFAULT NULL,
  createdat timestamp(0) without time zone DEFAULT CURRENT_TIMESTAMP,
  updatedat timestamp(0) without time zone DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
);
ALTER SEQUENCE wl_comment_seq OWNED BY wl_comment.id;
-- The list query filters by thread and status and orders by time or likes.
CREATE INDEX wl_comment_url ON wl_comment (url, status);
CREATE INDEX wl_comment_rid ON wl_comment (rid);

CREATE SEQUENCE wl_counter_seq;
CREATE TABLE wl_counter (
  id integer NOT NULL DEFAULT nextval('wl_counter_seq') CHECK (id > 0),
  time integer DEFAULT NULL,
  reaction0 integer DEFAULT NULL,
  reaction1 integer DEFAULT NULL,
  reaction2 integer DEFAULT NULL,
  reaction3 integer DEFAULT NULL,
  reaction4 integer DEFAULT NULL,
  reaction5 integer DEFAULT NULL,
  reaction6 integer DEFAULT NULL,
  reaction7 integer DEFAULT NULL,
  reaction8 integer DEFAULT NULL,
  url varchar(255) NOT NULL DEFAULT '',
  createdat timestamp(0) without time zone DEFAULT CURRENT_TIMESTAMP,
  updatedat timestamp(0) without time zone DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
);
ALTER SEQUENCE wl_counter_seq OWNED BY wl_counter.id;
CREATE INDEX wl_counter_url ON wl_counter (url);

CREATE SEQUENCE wl_users_seq;
CREATE TABLE wl_users (
  id integer NOT NULL DEFAULT nextval('wl_users_seq') CHECK (id > 0),
  display_name varchar(255) NOT NULL DEFAULT '',
  email varchar(255) NOT NULL DEFAULT '',
  password varchar(255) NOT NULL DEFAULT '',
  type varchar(50) NOT NULL DEFAULT '',
  label varchar(255) DEFAULT NULL,
  url varchar(255) DEFAULT NULL,
  avatar varchar(255) DEFAULT NULL,
  github varchar(255) DEFAULT NULL,
  twitter varchar(255) DEFAULT NULL,
  facebook varchar(255) DEFAULT NULL,
  google varchar(255) DEFAULT NULL,
  weibo varchar(255) DEFAULT NULL,
  qq varchar(255) DEFAULT NULL,
  oidc varchar(255) DEFAULT NULL,
  huawei varchar(255) DEFAULT NULL,
  "2fa" varchar(32) DEFAULT NULL,
  createdat timestamp(0) without time zone DEFAULT CURRENT_TIMESTAMP,
  updatedat timestamp(0) without time zone DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id)
);
ALTER SEQUENCE wl_users_seq OWNED BY wl_users.id;
CREATE UNIQUE INDEX wl_users_email ON wl_users (email);
