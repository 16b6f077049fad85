package io.acai.launcher.local;

import io.acai.options.AllocatorEnvironment;
import io.acai.options.TokenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of one machine's program: the launcher's, plus {@link AllocatorEnvironment}'s variables where the
 * launcher's environment does not set them, plus the app's token as {@link TokenOption#ENVIRONMENT_VARIABLE}. The
 * token travels there rather than on the command line, which {@code ps} shows to every user of the host; a
 * process's environment is readable by its own user and root only. A machine without a token gets no
 * {@code ACAI_TOKEN}, even when the launcher's own environment has one: the config decides which machines hold a
 * token, as it did when tokens were arguments.
 */
final class MachineEnvironment {

    private MachineEnvironment() {
    }

    /**
     * @param inherited the launcher's environment
     * @param token the app's token, or null for none
     */
    static Map<String, String> of(Map<String, String> inherited, String token) {
        Map<String, String> env = new HashMap<>(inherited);
        AllocatorEnvironment.addMissing(env);
        env.remove(TokenOption.ENVIRONMENT_VARIABLE);
        if (token != null && !token.isEmpty()) {
            env.put(TokenOption.ENVIRONMENT_VARIABLE, token);
        }
        return env;
    }
}
