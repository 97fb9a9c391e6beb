package io.github.theorybench.model;

import io.github.theorybench.linalg.DenseMatrix;

/**
 * Infinite-width NTK of the deep ReLU net of {@link DeepReluNet} (CLAIMS.md NTK-3; Arora et al. 2019, cited in seed
 * 003_e3d7742aedb82e06.txt). Conventions (CLAIMS.md NTK-3): the first layer is W₁x unscaled, so Σ⁽⁰⁾ = xᵀx′;
 * c_σ = 2 multiplies both Σ and Σ̇:
 * <pre>
 *   Σ⁽ˡ⁾(x,x′) = c_σ E[σ(u)σ(v)],  Σ̇⁽ˡ⁾(x,x′) = c_σ E[σ′(u)σ′(v)],  (u,v) ~ N(0, [[Σ⁽ˡ⁻¹⁾(x,x), Σ⁽ˡ⁻¹⁾(x,x′)], [·, Σ⁽ˡ⁻¹⁾(x′,x′)]])
 *   Θ = Σ_{l=1..L+1} Σ⁽ˡ⁻¹⁾ Π_{l′=l..L+1} Σ̇⁽ˡ′⁾,  Σ̇⁽ᴸ⁺¹⁾ = 1,
 * </pre>
 * computed as Θ⁽⁰⁾ = Σ⁽⁰⁾, Θ⁽ˡ⁾ = Θ⁽ˡ⁻¹⁾ Σ̇⁽ˡ⁾ + Σ⁽ˡ⁾, Θ = Θ⁽ᴸ⁾ (the output layer contributes Σ⁽ᴸ⁾). The Gaussian
 * expectations are the arc-cosine closed forms of {@link ReluKernels}. For unit inputs Θ(x, x) = L + 1.
 */
public final class DeepReluKernels {
    /** c_σ = 2 = 1/E[σ(z)²] for ReLU, z ~ N(0,1) (003: layer scaling sqrt(c_σ/d_l)). */
    public static final double C_SIGMA = 2.0;

    private DeepReluKernels() {
    }

    /** Θ(x, x′) for L hidden layers, from xᵀx′, ‖x‖², ‖x′‖². */
    public static double ntk(int hiddenLayers, double dot, double sqNormX, double sqNormY) {
        return recursion(hiddenLayers, dot, sqNormX, sqNormY, true, true);
    }

    /**
     * The recursion with switches for the two convention errors NTK-3's test must catch: dropping the output layer's
     * Σ⁽ᴸ⁾ term, or c_σ in Σ̇.
     */
    public static double recursion(int hiddenLayers, double dot, double sqNormX, double sqNormY,
            boolean outputLayerTerm, boolean cSigmaInDerivative) {
        if (hiddenLayers < 1) {
            throw new IllegalArgumentException("deep ReLU NTK: need L >= 1 hidden layers, got " + hiddenLayers);
        }
        double sxy = dot, sxx = sqNormX, syy = sqNormY;
        double theta = sxy; // Θ⁽⁰⁾ = Σ⁽⁰⁾
        for (int l = 1; l <= hiddenLayers; l++) {
            double nx = Math.sqrt(sxx), ny = Math.sqrt(syy);
            double sigmaDot = (cSigmaInDerivative ? C_SIGMA : 1.0) * ReluKernels.derivativeKernel(sxy, nx, ny);
            double sigmaXY = C_SIGMA * ReluKernels.nngp(sxy, nx, ny);
            double sigmaXX = C_SIGMA * ReluKernels.nngp(sxx, nx, nx);
            double sigmaYY = C_SIGMA * ReluKernels.nngp(syy, ny, ny);
            boolean last = l == hiddenLayers;
            theta = theta * sigmaDot + (last && !outputLayerTerm ? 0.0 : sigmaXY);
            sxy = sigmaXY;
            sxx = sigmaXX;
            syy = sigmaYY;
        }
        return theta;
    }

    /** Θ between all rows of X (n×d): n×n. */
    public static DenseMatrix ntkMatrix(int hiddenLayers, DenseMatrix x) {
        return matrix(hiddenLayers, x, true, true);
    }

    public static DenseMatrix matrix(int hiddenLayers, DenseMatrix x, boolean outputLayerTerm,
            boolean cSigmaInDerivative) {
        int n = x.rows(), d = x.cols();
        double[] a = x.data();
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                sq[i] += a[i * d + c] * a[i * d + c];
            }
        }
        DenseMatrix k = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += a[i * d + c] * a[j * d + c];
                }
                k.set(i, j, recursion(hiddenLayers, dot, sq[i], sq[j], outputLayerTerm, cSigmaInDerivative));
            }
        }
        return k;
    }
}
