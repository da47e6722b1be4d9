package app.atelier.image;

/**
 * What one picture file may make {@link ImageLoader} do.
 *
 * @param maxFileBytes     bytes read from the file at most; counted while reading, since devices and
 *                         files under /proc report a size of 0
 * @param maxPixels        pixels the header may declare (decompression bombs are refused before decoding)
 * @param maxDecodedPixels pixels kept after decoding: a bigger picture is decoded subsampled (every
 *                         2nd, 3rd... pixel), so any photo a phone makes loads in bounded memory
 */
record DecodeLimits(long maxFileBytes, long maxPixels, long maxDecodedPixels) {

    /**
     * 250 MP covers 200 MP phone sensors; 32 MP decoded (about 130 MB as packed RGB) keeps a long
     * side of 6000 px or more for a 4:3 photo, above the window's largest output size of 4096.
     */
    static final DecodeLimits STANDARD = new DecodeLimits(512L * 1024 * 1024, 250_000_000L, 32_000_000L);

    /** The smallest step n such that keeping every n-th pixel of each row and column fits the budget. */
    int subsampling(int width, int height) {
        int step = 1;
        while (ceilDiv(width, step) * ceilDiv(height, step) > maxDecodedPixels) {
            step++;
        }
        return step;
    }

    private static long ceilDiv(long value, long step) {
        return (value + step - 1) / step;
    }
}
