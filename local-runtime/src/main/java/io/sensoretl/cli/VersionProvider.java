package io.sensoretl.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = SensorEtl.class.getPackage().getImplementationVersion();
        return new String[] {"sensor-etl " + (v == null ? "development build" : v)};
    }
}
