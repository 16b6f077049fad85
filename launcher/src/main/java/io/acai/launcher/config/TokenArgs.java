package io.acai.launcher.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project app's command line as a config gives it in {@code args}, with its token taken out: {@code --token T}
 * and {@code --token=T} are removed and their value returned, for the runtime to pass in the app's environment
 * instead, where {@code ps} does not show it. The app reads the same token either way. Everything else, a
 * {@code --token-file PATH} included, stays as given.
 *
 * @param args  the arguments without the token
 * @param token the last token given, if any (the app, too, takes the last of a repeated option)
 */
record TokenArgs(List<String> args, Optional<String> token) {

    static final String OPTION = "--token";

    TokenArgs {
        args = List.copyOf(args);
    }

    static TokenArgs lift(List<String> given) {
        List<String> args = new ArrayList<>();
        Optional<String> token = Optional.empty();
        for (int i = 0; i < given.size(); i++) {
            String arg = given.get(i);
            if (arg.equals(OPTION) && i + 1 < given.size()) {
                token = Optional.of(given.get(++i));
            } else if (arg.startsWith(OPTION + "=")) {
                token = Optional.of(arg.substring(OPTION.length() + 1));
            } else {
                args.add(arg);
            }
        }
        return new TokenArgs(args, token.filter(t -> !t.isEmpty()));
    }

    @Override
    public String toString() {
        return "TokenArgs[args=" + args + ", token=" + (token.isPresent() ? "set" : "none") + "]";
    }
}
