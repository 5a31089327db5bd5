package io.callroute.config;

/** A setting has a value the server cannot use; the message names the setting and what it expects. */
public class InvalidSettingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidSettingException(String setting, String problem) {
        super(setting + ": " + problem);
    }
}
