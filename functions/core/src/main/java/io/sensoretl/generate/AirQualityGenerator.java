package io.sensoretl.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes delimited dumps in the shape of the UCI "Air Quality" file (test-fixtures/contracts/
 * airquality-uci.yaml): {@code ;} between fields, decimal commas, date and time in two columns, 13
 * measurements per row, {@code -200} for a missing one (at about the real file's rates), two empty
 * trailing fields, CRLF. Rows are one second apart (a high-rate station, so a large dump stays within
 * plausible dates). A share of rows is bad in the ways real exports are: impossible dates and times,
 * text where a number belongs, values out of range, cut rows, quotes, non-ASCII, repeated rows.
 * Reproducible from the seed.
 */
public final class AirQualityGenerator {
    public static final String HEADER = "Date;Time;CO(GT);PT08.S1(CO);NMHC(GT);C6H6(GT);PT08.S2(NMHC);NOx(GT);PT08.S3(NOx);"
            + "NO2(GT);PT08.S4(NO2);PT08.S5(O3);T;RH;AH;;";
    /** Mean, spread and decimals of each measurement column, in header order. */
    private static final double[][] COLUMNS = {
        {2.1, 1.4, 1}, {1100, 200, 0}, {200, 120, 0}, {10, 7, 1}, {940, 260, 0}, {245, 190, 0}, {835, 250, 0},
        {113, 45, 0}, {1450, 340, 0}, {1020, 390, 0}, {18, 8.8, 1}, {49, 17, 1}, {1.0, 0.4, 4}};
    /** Share of rows where a column is -200 (the real file: CO 17 %, NMHC 90 %, NOx and NO2 18 %). */
    private static final double[] MISSING = {0.13, 0, 0.9, 0, 0, 0.14, 0, 0.14, 0, 0, 0, 0, 0};
    /** Rows where the whole sensor block is missing (the real file has 366 of 9,357). */
    private static final double DROPOUT = 0.04;
    private static final int[] DAYS = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private final SplittableRandom random;
    private final double badShare;
    private final StringBuilder sb = new StringBuilder(256);
    private byte[] previous;
    private long rows;
    private long bytes;
    // 2004-03-10 18:00:00, local time of the station
    private int year = 2004;
    private int month = 3;
    private int day = 10;
    private int second = 18 * 3600;

    public AirQualityGenerator(long seed, double badShare) {
        if (badShare < 0 || badShare > 1) {
            throw new IllegalArgumentException("--bad-share must be between 0 and 1, got " + badShare);
        }
        this.random = new SplittableRandom(seed);
        this.badShare = badShare;
    }

    /** Writes the header and rows until at least {@code targetBytes} were written; returns the rows. */
    public long writeBytes(OutputStream out, long targetBytes) throws IOException {
        byte[] header = (HEADER + "\r\n").getBytes(StandardCharsets.US_ASCII);
        out.write(header);
        bytes += header.length;
        while (bytes < targetBytes) {
            byte[] row = row();
            out.write(row);
            out.write('\r');
            out.write('\n');
            bytes += row.length + 2;
            rows++;
            tick();
        }
        return rows;
    }

    public long rows() {
        return rows;
    }

    private void tick() {
        if (++second == 86_400) {
            second = 0;
            int days = month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : DAYS[month - 1];
            if (++day > days) {
                day = 1;
                if (++month > 12) {
                    month = 1;
                    year++;
                }
            }
        }
    }

    private byte[] row() {
        if (previous != null && random.nextDouble() < badShare / 8) {
            return previous; // a repeated row: every reading of it is a duplicate
        }
        int bad = random.nextDouble() < badShare ? 1 + random.nextInt(7) : 0;
        sb.setLength(0);
        if (bad == 1) {
            sb.append(random.nextBoolean() ? "31/04/" + year : "32/" + two(month) + "/" + year).append(';').append(time());
        } else if (bad == 2) {
            sb.append(date()).append(';').append(random.nextBoolean() ? "25.00.00" : "18.61");
        } else {
            sb.append(date()).append(';').append(time());
        }
        boolean dropout = random.nextDouble() < DROPOUT;
        int columns = bad == 3 ? 5 + random.nextInt(7) : COLUMNS.length;
        int odd = bad >= 4 ? random.nextInt(COLUMNS.length) : -1;
        for (int c = 0; c < columns; c++) {
            sb.append(';');
            if (c == odd) {
                sb.append(switch (bad) {
                    case 4 -> random.nextBoolean() ? "n/a" : "--";
                    case 5 -> "99999";
                    case 6 -> "\"" + value(c) + "\"";
                    default -> value(c) + "\u00b5";
                });
            } else if ((dropout && c != 0 && c != 2 && c != 5 && c != 7) || random.nextDouble() < MISSING[c]) {
                sb.append("-200");
            } else {
                sb.append(value(c));
            }
        }
        sb.append(";;");
        byte[] line = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (bad == 0) {
            previous = line;
        }
        return line;
    }

    private String value(int c) {
        double[] spec = COLUMNS[c];
        double v = Math.max(spec[2] == 0 ? 1 : 0.1, spec[0] + random.nextGaussian() * spec[1] * 0.5);
        if (spec[2] == 0) {
            return Long.toString(Math.round(v));
        }
        long scale = (long) Math.pow(10, spec[2]);
        long fixed = Math.round(v * scale);
        String digits = Long.toString(fixed / scale);
        StringBuilder frac = new StringBuilder(Long.toString(fixed % scale));
        while (frac.length() < spec[2]) {
            frac.insert(0, '0');
        }
        return digits + ',' + frac;
    }

    private String date() {
        return two(day) + "/" + two(month) + "/" + year;
    }

    private String time() {
        return two(second / 3600) + "." + two(second / 60 % 60) + "." + two(second % 60);
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
