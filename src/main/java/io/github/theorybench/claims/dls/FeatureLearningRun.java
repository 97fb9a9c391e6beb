package io.github.theorybench.claims.dls;

import io.github.theorybench.model.features.SingleIndexTask;
import io.github.theorybench.model.features.TwoLayerFeatureLearner;
import io.github.theorybench.model.features.TwoLayerFeatureLearner.Layer;

/**
 * What DLS-1..3 measure on one seed ({@link FeatureLearningInstance}): per training size n (index k) the test MSE
 * against the clean target of Algorithm 1, random features and the NTK, their chosen relative ridges, the DLS-1 share
 * of ‖W₁‖_F² along u and the mean row norm of W₁; the share of W₀ at n = 2d² and the η₁ = 0 MSE at the largest n;
 * the transfer MSEs per n_src (index q) and N (index t), with η₁ = 0 pretraining, random features and the NTK.
 */
record FeatureLearningRun(long seed, double[][] mse, double[][] ridge, double[] share, double[] rowNorm,
        double share0, double noStep, double[][] pretrained, double[] pretrainedNoStep, double[] targetRf,
        double[] targetNtk) {
    static final int ALG = 0, RF = 1, NTK = 2;

    /** Runs every method of DLS-1..3 on {@code inst}. */
    static FeatureLearningRun measure(FeatureLearningInstance inst, TwoLayerFeatureLearner learner,
            TwoLayerFeatureLearner.Kernel ntk, double eta1) {
        int kn = inst.trains().size(), shareN = 2 * FeatureLearningCheck.D * FeatureLearningCheck.D;
        double[][] mse = new double[kn][3], ridge = new double[kn][3];
        double[] share = new double[kn], rowNorm = new double[kn];
        double share0 = Double.NaN, noStep = Double.NaN;
        SingleIndexTask.Sample test = inst.test();
        double[] u = inst.task().direction();
        for (int k = 0; k < kn; k++) {
            FeatureLearningInstance.Train tr = inst.trains().get(k);
            SingleIndexTask.Sample train = tr.sample();
            FeatureLearningInstance.Draw a = tr.algorithmOne();
            var alg = learner.fit(learner.algorithmOne(a.init(), a.biases(), eta1), train.x(), train.labels());
            var rf = learner.fit(FeatureLearningInstance.frozen(tr.randomFeatures()), train.x(), train.labels());
            var kr = learner.kernelRidge(ntk, train.x(), train.labels(), test.x());
            mse[k][ALG] = TwoLayerFeatureLearner.mse(learner.predict(alg, test.x()), test.clean());
            mse[k][RF] = TwoLayerFeatureLearner.mse(learner.predict(rf, test.x()), test.clean());
            mse[k][NTK] = TwoLayerFeatureLearner.mse(kr.predictions(), test.clean());
            ridge[k][ALG] = alg.ridge();
            ridge[k][RF] = rf.ridge();
            ridge[k][NTK] = kr.ridge();
            share[k] = learner.subspaceShare(alg.w(), u);
            rowNorm[k] = TwoLayerFeatureLearner.meanRowNorm(alg.w());
            if (tr.n() == shareN) {
                share0 = learner.subspaceShare(a.init().weights(), u);        // DLS-1 control: W₁ = W₀
            }
            if (k == kn - 1) {
                // DLS-2 control: the same Algorithm 1 run (same init and biases) with η₁ = 0
                var ablated = learner.fit(learner.algorithmOne(a.init(), a.biases(), 0.0), train.x(),
                        train.labels());
                noStep = TwoLayerFeatureLearner.mse(learner.predict(ablated, test.x()), test.clean());
            }
        }
        return transfer(inst, learner, ntk, eta1, new FeatureLearningRun(inst.seed(), mse, ridge, share, rowNorm,
                share0, noStep, null, null, null, null));
    }

    /** DLS-3 (004, transfer): W₁ pretrained on n_src source samples, only the head fitted on N target samples. */
    private static FeatureLearningRun transfer(FeatureLearningInstance inst, TwoLayerFeatureLearner learner,
            TwoLayerFeatureLearner.Kernel ntk, double eta1, FeatureLearningRun base) {
        int qn = inst.sources().size(), tn = inst.targets().size();
        int mainSource = FeatureLearningCheck.D * FeatureLearningCheck.D * FeatureLearningCheck.D;
        Layer[] layers = new Layer[qn];
        Layer noStepLayer = null;
        for (int q = 0; q < qn; q++) {
            FeatureLearningInstance.Source src = inst.sources().get(q);
            double[] residual = learner.preprocess(src.sample().x(), src.sample().labels()).y();
            FeatureLearningInstance.Draw dr = src.draw();
            layers[q] = learner.algorithmOne(dr.init(), dr.biases(), eta1).fit(src.sample().x(), residual);
            if (src.nSrc() == mainSource) {
                noStepLayer = learner.algorithmOne(dr.init(), dr.biases(), 0.0).fit(src.sample().x(), residual);
            }
        }
        SingleIndexTask.Sample targetTest = inst.targetTest();
        double[][] pre = new double[qn][tn];
        double[] preNoStep = new double[tn], tRf = new double[tn], tNtk = new double[tn];
        for (int t = 0; t < tn; t++) {
            FeatureLearningInstance.Target target = inst.targets().get(t);
            SingleIndexTask.Sample tr = target.sample();
            for (int q = 0; q < qn; q++) {
                var head = learner.fit(frozen(layers[q]), tr.x(), tr.labels());
                pre[q][t] = TwoLayerFeatureLearner.mse(learner.predict(head, targetTest.x()), targetTest.clean());
            }
            var headNoStep = learner.fit(frozen(noStepLayer), tr.x(), tr.labels());
            preNoStep[t] = TwoLayerFeatureLearner.mse(learner.predict(headNoStep, targetTest.x()),
                    targetTest.clean());
            var rf = learner.fit(FeatureLearningInstance.frozen(target.randomFeatures()), tr.x(), tr.labels());
            tRf[t] = TwoLayerFeatureLearner.mse(learner.predict(rf, targetTest.x()), targetTest.clean());
            tNtk[t] = TwoLayerFeatureLearner.mse(learner.kernelRidge(ntk, tr.x(), tr.labels(), targetTest.x())
                    .predictions(), targetTest.clean());
        }
        return new FeatureLearningRun(base.seed, base.mse, base.ridge, base.share, base.rowNorm, base.share0,
                base.noStep, pre, preNoStep, tRf, tNtk);
    }

    private static TwoLayerFeatureLearner.FirstLayer frozen(Layer layer) {
        return TwoLayerFeatureLearner.frozen(layer.w(), layer.b());
    }
}
