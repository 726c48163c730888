package io.sensoretl.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionContext;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StatementType;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;

/**
 * Runs a query on Amazon Athena: StartQueryExecution in a workgroup, GetQueryExecution polled with
 * capped exponential backoff until the query ends, then GetQueryResults page by page. A failed query
 * is reported with Athena's error (and the line:column Trino names, mapped back to the file); the
 * bytes scanned, which Athena bills, are part of the result.
 */
public final class AthenaQueryEngine implements QueryEngine {
    /** Sleeps between polls; tests pass a recording one. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** Where and how queries run: workgroup (required), database, optional result location. */
    public record Settings(String workgroup, String database, String outputLocation) {}

    static final long FIRST_POLL_MILLIS = 200;
    static final long MAX_POLL_MILLIS = 5_000;
    private static final Pattern TRINO_POSITION = Pattern.compile("line (\\d+):(\\d+): ");
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    private final AthenaClient athena;
    private final Settings settings;
    private final Sleeper sleeper;

    public AthenaQueryEngine(AthenaClient athena, Settings settings, Sleeper sleeper) {
        this.athena = athena;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    @Override
    public QueryResult execute(RenderedSql sql) throws EngineError {
        long started = System.nanoTime();
        String id;
        try {
            id = athena.startQueryExecution(b -> {
                b.queryString(sql.sql()).workGroup(settings.workgroup());
                if (settings.database() != null) {
                    b.queryExecutionContext(QueryExecutionContext.builder().database(settings.database()).build());
                }
                if (settings.outputLocation() != null) {
                    b.resultConfiguration(ResultConfiguration.builder().outputLocation(settings.outputLocation()).build());
                }
            }).queryExecutionId();
        } catch (SdkException e) {
            throw new EngineError("Athena refused the query: " + e.getMessage(), null);
        }
        QueryExecution execution = await(id);
        QueryExecutionState state = execution.status().state();
        if (state != QueryExecutionState.SUCCEEDED) {
            throw failure(id, execution);
        }
        Long scanned = execution.statistics() == null ? null : execution.statistics().dataScannedInBytes();
        List<String> columns = new ArrayList<>();
        List<String> types = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        boolean header = execution.statementType() == StatementType.DML;
        String token = null;
        try {
            do {
                String page = token;
                GetQueryResultsResponse r = athena.getQueryResults(b -> b.queryExecutionId(id).nextToken(page).maxResults(1000));
                if (columns.isEmpty() && r.resultSet().resultSetMetadata() != null) {
                    for (ColumnInfo c : r.resultSet().resultSetMetadata().columnInfo()) {
                        columns.add(c.name());
                        types.add(c.type().toLowerCase(Locale.ROOT));
                    }
                }
                for (Row row : r.resultSet().rows()) {
                    if (header) {
                        // Athena repeats the column names as the first row of a SELECT's results
                        header = false;
                        continue;
                    }
                    List<Object> values = new ArrayList<>(types.size());
                    List<Datum> data = row.data();
                    for (int i = 0; i < types.size(); i++) {
                        values.add(i < data.size() ? value(data.get(i).varCharValue(), types.get(i)) : null);
                    }
                    rows.add(values);
                }
                token = r.nextToken();
            } while (token != null);
        } catch (SdkException e) {
            throw new EngineError("cannot read the results of Athena query " + id + ": " + e.getMessage(), null);
        }
        return new QueryResult(columns, types, rows,
                new QueryResult.Statistics("athena", id, scanned, (System.nanoTime() - started) / 1_000_000));
    }

    private QueryExecution await(String id) throws EngineError {
        long wait = FIRST_POLL_MILLIS;
        while (true) {
            QueryExecution execution;
            try {
                execution = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
            } catch (SdkException e) {
                throw new EngineError("cannot follow Athena query " + id + ": " + e.getMessage(), null);
            }
            QueryExecutionState state = execution.status().state();
            if (state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED
                    || state == QueryExecutionState.CANCELLED) {
                return execution;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                athena.stopQueryExecution(StopQueryExecutionRequest.builder().queryExecutionId(id).build());
                throw new EngineError("interrupted; Athena query " + id + " was stopped", null);
            }
            wait = Math.min(MAX_POLL_MILLIS, wait * 2);
        }
    }

    private static EngineError failure(String id, QueryExecution execution) {
        AthenaError error = execution.status().athenaError();
        String reason = execution.status().stateChangeReason();
        String message = reason != null ? reason : error != null ? error.errorMessage() : "no reason given";
        StringBuilder text = new StringBuilder("Athena query ").append(id).append(' ')
                .append(execution.status().stateAsString());
        if (error != null && error.errorType() != null) {
            text.append(" (error category ").append(error.errorCategory()).append(", type ").append(error.errorType())
                    .append(Boolean.TRUE.equals(error.retryable()) ? ", retryable" : "").append(')');
        }
        Long scanned = execution.statistics() == null ? null : execution.statistics().dataScannedInBytes();
        if (scanned != null) {
            text.append(", ").append(scanned).append(" bytes scanned");
        }
        Matcher m = TRINO_POSITION.matcher(message);
        SqlPosition position = null;
        if (m.find()) {
            position = new SqlPosition(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            message = (message.substring(0, m.start()) + message.substring(m.end())).strip();
        }
        return new EngineError(text.append(": ").append(message).toString(), position);
    }

    /** Athena returns every value as text; typed here so JSON output and tests see numbers as numbers. */
    static Object value(String text, String type) {
        if (text == null) {
            return null;
        }
        String base = type.contains("(") ? type.substring(0, type.indexOf('(')) : type;
        try {
            return switch (base) {
                case "tinyint", "smallint", "integer", "int", "bigint" -> Long.parseLong(text);
                case "double", "real", "float" -> Double.parseDouble(text);
                case "decimal" -> new BigDecimal(text);
                case "boolean" -> Boolean.parseBoolean(text);
                case "timestamp" -> LocalDateTime.parse(text, TIMESTAMP);
                case "date" -> LocalDate.parse(text);
                default -> text;
            };
        } catch (RuntimeException e) {
            return text;
        }
    }

    @Override
    public void close() {
        athena.close();
    }
}
