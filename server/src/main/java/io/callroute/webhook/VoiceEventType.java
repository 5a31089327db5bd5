package io.callroute.webhook;

/** STUB — the voice event types 8x8 sends. */
public enum VoiceEventType {
    CALL_ACTION, CALL_STATUS, SESSION_SUMMARY, CALL_RECORDING_STATUS, VIRTUAL_NUMBER_UPDATE;
}
