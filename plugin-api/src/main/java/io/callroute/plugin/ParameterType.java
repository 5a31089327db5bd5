package io.callroute.plugin;

/** The kind of value a parameter takes; decides the form control in the admin UI and the server's checks. */
public enum ParameterType {
    /** Free text, e.g. a message to speak. */
    TEXT,
    /** A whole number; {@link ParameterSpec#min()} and {@link ParameterSpec#max()} bound it when set. */
    INTEGER,
    /** A decimal number; {@link ParameterSpec#min()} and {@link ParameterSpec#max()} bound it when set. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** One of {@link ParameterSpec#choices()}. */
    CHOICE,
    /** A phone number in E.164 form ({@code +} and up to 15 digits). */
    PHONE_NUMBER,
    /** A public http(s) URL of an .mp3 or .wav file. */
    AUDIO_URL,
    /** A value that is stored but never shown back or logged, e.g. an API key. */
    SECRET
}
