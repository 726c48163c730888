package io.sensoretl.cost;

/**
 * One priced line of an estimate, e.g. "Lambda transform compute: 245.3 GB-s at $0.0000133334".
 *
 * @param service  AWS service (Lambda, Step Functions, S3, DynamoDB, Glue Data Catalog, SQS, CloudWatch Logs)
 * @param item     what is counted
 * @param quantity how many units
 * @param unit     the unit the price is per (request, GB-s, transition, WRU, GB)
 * @param unitUsd  price per unit
 * @param note     how the quantity was derived
 */
public record LineItem(String service, String item, double quantity, String unit, double unitUsd, String note) {
    public double usd() {
        return quantity * unitUsd;
    }
}
