package org.jgan.models.i2i;

/**
 * A generator that maps images of one channel count to another (1 or 3 each). The phases read the split of a packed
 * pair batch from it, since a batch of 4 channels could be 1 + 3 or 3 + 1.
 */
public interface ChannelMap {
    int inChannels();

    int outChannels();
}
