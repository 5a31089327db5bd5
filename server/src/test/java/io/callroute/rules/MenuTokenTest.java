package io.callroute.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MenuTokenTest {

    @Test
    void aVersionedTokenRoundTrips() {
        String token = MenuToken.format("main_menu", 12);
        assertThat(token).isEqualTo("main_menu:v12");
        assertThat(MenuToken.parse(token)).isEqualTo(new MenuToken("main_menu", 12));
    }

    @Test
    void unversionedRulesAndForeignIdsAreAPlainMenuAnsweredByTheLiveVersion() {
        assertThat(MenuToken.format("main_menu", 0)).isEqualTo("main_menu");
        assertThat(MenuToken.parse("ivr1_level1")).isEqualTo(new MenuToken("ivr1_level1", 0));
        assertThat(MenuToken.parse("odd:vx")).isEqualTo(new MenuToken("odd:vx", 0));
        assertThat(MenuToken.parse("odd:v0")).isEqualTo(new MenuToken("odd:v0", 0));
    }

    @Test
    void noClientActionIdMeansNoMenu() {
        assertThat(MenuToken.parse(null)).isEqualTo(new MenuToken(null, 0));
        assertThat(MenuToken.format(null, 7)).isNull();
    }
}
