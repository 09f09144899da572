namespace SymDiff.Layers;

/// <summary>How <see cref="Dense"/> draws its initial weights (biases start at 0).</summary>
public enum WeightInitialization
{
    /// <summary>He (Kaiming) normal: <c>N(0, 2 / inputs)</c>, for layers followed by ReLU-like activations.</summary>
    He,

    /// <summary>Xavier (Glorot) uniform: <c>U(−a, a)</c> with <c>a = √(6 / (inputs + outputs))</c>, for tanh, sigmoid or linear outputs.</summary>
    Xavier,
}
