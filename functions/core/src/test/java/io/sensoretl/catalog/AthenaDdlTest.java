package io.sensoretl.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped Athena DDL must describe exactly what the code writes and registers. */
class AthenaDdlTest {
    private static final Pattern COLUMN = Pattern.compile("^\\s*`(\\w+)`\\s+(.+?),?\\s*$");

    private static Path ddl(String file) {
        Path root = Path.of(System.getProperty("sensoretl.repo.root", "../.."));
        return root.resolve("athena-queries/ddl").resolve(file);
    }

    @ParameterizedTest
    @CsvSource({"readings.sql, readings", "rejects.sql, rejects", "readings_projection.sql, readings",
            "rejects_projection.sql, rejects"})
    void ddlColumnsTypesPartitionKeyAndLocationMatchTheCode(String file, String table) throws IOException {
        String sql = Files.readString(ddl(file));
        TableSpec spec = table.equals("readings") ? CuratedTables.readings("s3://${bucket}/")
                : CuratedTables.rejects("s3://${bucket}/");

        String body = sql.substring(sql.indexOf("CREATE EXTERNAL TABLE"));
        String columnBlock = body.substring(body.indexOf('(') + 1, body.indexOf("PARTITIONED BY"));
        List<Column> columns = new ArrayList<>();
        for (String line : columnBlock.split("\n")) {
            Matcher m = COLUMN.matcher(line);
            if (m.matches()) {
                columns.add(new Column(m.group(1), m.group(2)));
            }
        }

        assertThat(columns).isEqualTo(spec.columns());
        assertThat(body).contains("`${database}`.`" + table + "`");
        assertThat(body).contains("PARTITIONED BY (`dt` string)");
        assertThat(spec.partitionKeys()).containsExactly(new Column("dt", "string"));
        assertThat(body).contains("LOCATION '" + spec.location() + "'");
        assertThat(body).contains("ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'");
        assertThat(body).contains("INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'");
    }
}
