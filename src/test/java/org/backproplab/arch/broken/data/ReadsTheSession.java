package org.backproplab.arch.broken.data;

/** Breaks "lower layers do not look up": data reading a view-model. */
public final class ReadsTheSession {
    public Object model(org.backproplab.arch.broken.session.HoldsAProperty vm) {
        return vm.rate;
    }
}
