-- The Trino bridge: the ONE place where the local engine (DuckDB) is taught the Athena engine v3
-- (Trino) functions our queries use whose name, signature or meaning differ in DuckDB. Each macro
-- is a temporary macro that shadows any DuckDB function of the same name, so a query file is written
-- once, in Trino SQL, and runs unchanged in both engines. docs/queries.md lists what is bridged and
-- what is not. Statements are separated by lines holding only a semicolon.

-- Athena sessions run in UTC: timestamps print and truncate (date_trunc, CAST AS date) in UTC.
SET TimeZone = 'UTC'
;
-- Trino divides integers as integers (7 / 2 = 3, -7 / 2 = -3); DuckDB's / would give 3.5.
SET integer_division = true
;
-- approx_percentile(x, p): Trino estimates (t-digest / q-digest, within about 1% of the rank).
-- Locally the exact nearest-rank percentile is returned: the smallest value with at least a share p
-- of the values at or below it (rank ceil(p * n)), a value that occurs in the data.
CREATE OR REPLACE TEMP MACRO approx_percentile(x, p) AS quantile_disc(x, p)
;
-- approx_distinct(x): Trino's HyperLogLog estimate; DuckDB's is approx_count_distinct.
CREATE OR REPLACE TEMP MACRO approx_distinct(x) AS approx_count_distinct(x)
;
-- to_unixtime(ts): seconds since the epoch as a double (DuckDB: epoch).
CREATE OR REPLACE TEMP MACRO to_unixtime(ts) AS epoch(ts)
;
-- from_unixtime(s): the timestamp s seconds after the epoch (UTC).
CREATE OR REPLACE TEMP MACRO from_unixtime(s) AS make_timestamp(CAST(round(s * 1000000) AS BIGINT))
;
-- from_iso8601_timestamp(text): ISO-8601 text with or without an offset, as a UTC timestamp.
CREATE OR REPLACE TEMP MACRO from_iso8601_timestamp(s) AS CAST(CAST(s AS TIMESTAMPTZ) AS TIMESTAMP)
;
-- date_diff(unit, a, b): Trino counts complete units between a and b (00:00:59 to 00:01:00 is 0
-- minutes); DuckDB's date_diff counts unit boundaries crossed (1). DuckDB's date_sub is Trino's meaning.
CREATE OR REPLACE TEMP MACRO date_diff(unit, a, b) AS date_sub(unit, a, b)
;
-- date_add(unit, n, ts): Trino's argument order; DuckDB's date_add takes (timestamp, interval).
CREATE OR REPLACE TEMP MACRO date_add(unit, n, ts) AS CAST(ts AS TIMESTAMP) + n * CAST('1 ' || unit AS INTERVAL)
;
