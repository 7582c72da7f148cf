package org.backproplab.session;

import java.util.List;

/** A message for the window: a bundle key, its arguments, and whether it reports an error. */
public record Notice(String key, List<Object> args, boolean error) {
    public Notice {
        args = List.copyOf(args);
    }
}
