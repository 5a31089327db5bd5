package io.callroute.plugins.httplookup;

import io.callroute.plugin.FactSpec;
import java.time.Duration;
import java.util.List;

/** The checked settings of one started plugin. {@code headerValue} is secret: never printed. */
record LookupSettings(String url, Duration timeout, Duration cacheTtl, String headerName, String headerValue,
                      int failureThreshold, Duration openFor, List<FactSpec> fields) {

    @Override
    public String toString() {
        return "LookupSettings[url=" + url + ", timeout=" + timeout + ", cacheTtl=" + cacheTtl + ", header="
                + headerName + ", failureThreshold=" + failureThreshold + ", openFor=" + openFor + ", fields="
                + fields.stream().map(FactSpec::name).toList() + "]";
    }
}
