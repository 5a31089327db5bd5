package io.callroute.facts;

import io.callroute.event.CallEvent;

/**
 * The call as the rules see it: one immutable fact per event, with plain String properties so that generated DRL
 * compares literals ({@code callStatus == "CALL_RECEIVED"}) without importing server enums. {@code menu} is the menu
 * state our previous answer set (8x8 echoes it as {@code clientActionId}); null on the first round of a call.
 */
public final class CallFacts {

    private final String callStatus;
    private final String direction;
    private final String callType;
    private final String source;
    private final String destination;
    private final String virtualNumber;
    private final String sourceCountry;
    private final String destinationCountry;
    private final String virtualNumberRef;
    private final String subAccountId;
    private final String menu;
    private final String dtmf;

    public CallFacts(CallEvent event, String menu) {
        this.callStatus = event.callStatus().name();
        this.direction = event.direction().name();
        this.callType = event.callType().name();
        this.source = event.source();
        this.destination = event.destination();
        this.virtualNumber = event.virtualNumber();
        this.sourceCountry = event.sourceCountry();
        this.destinationCountry = event.destinationCountry();
        this.virtualNumberRef = event.virtualNumberRefId();
        this.subAccountId = event.subAccountId();
        this.menu = menu;
        this.dtmf = event.dtmf();
    }

    public String getCallStatus() {
        return callStatus;
    }

    public String getDirection() {
        return direction;
    }

    public String getCallType() {
        return callType;
    }

    public String getSource() {
        return source;
    }

    public String getDestination() {
        return destination;
    }

    public String getVirtualNumber() {
        return virtualNumber;
    }

    public String getSourceCountry() {
        return sourceCountry;
    }

    public String getDestinationCountry() {
        return destinationCountry;
    }

    public String getVirtualNumberRef() {
        return virtualNumberRef;
    }

    public String getSubAccountId() {
        return subAccountId;
    }

    public String getMenu() {
        return menu;
    }

    public String getDtmf() {
        return dtmf;
    }

    @Override
    public String toString() {
        return "CallFacts[" + callStatus + " " + direction + " " + callType + " menu=" + menu + " dtmf="
                + (dtmf == null ? "none" : "set") + "]";
    }
}
