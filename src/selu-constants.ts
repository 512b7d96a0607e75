/** SELU's constants (Klambauer et al. 2017), as PyTorch and Keras use them. */
export const SELU_SCALE = 1.0507009873554804934193349852946;
/** scale * alpha, correctly rounded (the product of the two doubles rounds 1 ULP lower). */
export const SELU_SCALE_ALPHA = 1.7580993408473768;
