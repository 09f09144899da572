using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Optimizers;
using SymDiff.Tests.Layers.Functions;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>Shape mismatches and NaN are detected and reported with the layer's name.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Sequential_AdjacentWidthsDiffer_ThrowsNamingBothLayers()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Sequential(Dense.Zeros(4, 3), new Activation<Activations.ReluFunction>(5)));

        Assert.StartsWith("Shape mismatch: layer 0 Dense(4, 3) outputs 3 values per row, but layer 1 Activation<Relu>(5) takes 5.", exception.Message);
    }

    [Fact]
    public void Forward_InputOfWrongLength_ThrowsWithExpectedShape()
    {
        var model = new Sequential(Dense.Zeros(4, 3));

        var exception = Assert.Throws<ArgumentException>(() => model.Forward(new double[7], batchSize: 2));

        Assert.StartsWith("Shape mismatch: the input has 7 values; layer 0 Dense(4, 3) expects batchSize 2 × 4 = 8.", exception.Message);
    }

    [Fact]
    public void Backward_GradientOfWrongLength_Throws()
    {
        var model = new Sequential(Dense.Zeros(2, 3));
        model.Forward(new double[4], batchSize: 2);

        var exception = Assert.Throws<ArgumentException>(() => model.Backward(new double[3]));

        Assert.StartsWith("Shape mismatch: the output gradient has 3 values; the last forward pass produced batchSize 2 × 3 = 6.", exception.Message);
    }

    [Fact]
    public void Backward_WithoutForward_Throws()
    {
        var model = new Sequential(Dense.Zeros(2, 3));

        Assert.Throws<InvalidOperationException>(() => model.Backward(new double[3]));
    }

    [Fact]
    public void Loss_TargetOfWrongLength_ThrowsNamingTheLoss()
    {
        var exception = Assert.Throws<ArgumentException>(() => new SoftmaxCrossEntropy().Value(new double[6], new double[4], batchSize: 2));

        Assert.StartsWith("Shape mismatch in SoftmaxCrossEntropy: the target has 4 values; the prediction has 6 (2 rows × 3).", exception.Message);
    }

    [Fact]
    public void Fit_DatasetWiderThanModel_ThrowsWithBothShapes()
    {
        var model = new Sequential(Dense.Zeros(2, 1));
        var trainer = new Trainer(model, new MeanSquaredError(), new Sgd(model.Parameters, 0.1));
        var data = new Dataset(new double[6], 3, new double[2], 1);

        var exception = Assert.Throws<ArgumentException>(() => trainer.Fit(data, new TrainingOptions()));

        Assert.StartsWith("Shape mismatch: the training set has 3 features and 1 targets per row; the model takes 2 and outputs 1.", exception.Message);
    }

    [Fact]
    public void Trainer_OptimizerOfAnotherModel_ThrowsNamingTheParameter()
    {
        var model = new Sequential(new Dense(2, 3, seed: 1), new Activation<Activations.TanhFunction>(3), new Dense(3, 1, seed: 2));
        var other = new Sequential(new Dense(2, 3, seed: 1), new Activation<Activations.TanhFunction>(3), new Dense(3, 1, seed: 2));

        var exception = Assert.Throws<ArgumentException>(() => new Trainer(model, new MeanSquaredError(), new Adam(other.Parameters)));

        Assert.Equal("optimizer", exception.ParamName);
        Assert.StartsWith("The optimizer's parameter 0 (weights, 2 × 3) is not one of the model's: the model would not learn. Create the optimizer from this model's Parameters.", exception.Message);
    }

    [Fact]
    public void Fit_EmptyTrainingSet_Throws()
    {
        var model = new Sequential(Dense.Zeros(2, 1));
        var trainer = new Trainer(model, new MeanSquaredError(), new Sgd(model.Parameters, 0.1));

        var exception = Assert.Throws<ArgumentException>(() => trainer.Fit(new Dataset([], 2, [], 1), new TrainingOptions()));

        Assert.StartsWith("The training set is empty.", exception.Message);
    }

    [Fact]
    public void Dataset_TargetsForFewerRows_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new Dataset(new double[6], 2, new double[2], 1));

        Assert.StartsWith("The targets hold 2 values; 3 rows of 1 need 3.", exception.Message);
    }

    [Fact]
    public void Forward_NaNInInput_ReportsInputRowAndColumn()
    {
        var model = new Sequential(new Dense(3, 2, seed: 1));

        var exception = Assert.Throws<NonFiniteValueException>(() => model.Forward([1, 2, 3, 4, double.NaN, 6], batchSize: 2));

        Assert.Equal("input", exception.Location);
        Assert.Equal("Input: the input batch contains NaN at row 1, column 1.", exception.Message);
    }

    [Fact]
    public void Forward_NaNWeight_ReportsTheLayer()
    {
        var random = new Random(1);
        var first = new Dense(2, 3, random);
        var model = new Sequential(first, new Activation<Activations.TanhFunction>(3), new Dense(3, 1, random));
        first.Weights.Values[4] = double.NaN; // row 1, column 1: feeds output column 1

        var exception = Assert.Throws<NonFiniteValueException>(() => model.Forward([1, 1], batchSize: 1));

        Assert.Equal("layer 0 Dense(2, 3)", exception.Location);
        Assert.Equal("Layer 0 Dense(2, 3): forward pass, output contains NaN at row 0, column 1.", exception.Message);
    }

    [Fact]
    public void Forward_Overflow_ReportsInfinityAndTheLayer()
    {
        var dense = Dense.Zeros(1, 1);
        dense.Weights.Values[0] = 1e300;
        var model = new Sequential(Dense.Zeros(1, 1), new Activation<Activations.ReluFunction>(1), dense);
        model.Layers[0].Parameters[1].Values[0] = 1e300;

        var exception = Assert.Throws<NonFiniteValueException>(() => model.Forward([0], batchSize: 1));

        Assert.Equal("Layer 2 Dense(1, 1): forward pass, output contains +∞ at row 0, column 0.", exception.Message);
    }

    [Fact]
    public void Backward_NaNDerivative_ReportsTheLayerThatMadeIt()
    {
        var model = new Sequential(Dense.Zeros(2, 2), new Activation<NaNDerivative>(2), new Dense(2, 1, seed: 0));
        model.Layers[0].Parameters[1].Values[1] = 1; // bias 1 in column 1: there the input to NaNDerivative is > 0.5
        model.Forward([0, 0], batchSize: 1);

        var exception = Assert.Throws<NonFiniteValueException>(() => model.Backward([1.0]));

        Assert.Equal("layer 1 Activation<NaNDerivative>(2)", exception.Location);
        Assert.Equal("Layer 1 Activation<NaNDerivative>(2): backward pass, gradient of the input contains NaN at row 0, column 1.", exception.Message);
    }

    [Fact]
    public void TrainBatch_NaNTarget_ReportsTheLoss()
    {
        var model = new Sequential(Dense.Zeros(1, 2));
        var trainer = new Trainer(model, new MeanSquaredError(), new Sgd(model.Parameters, 0.1));

        var exception = Assert.Throws<NonFiniteValueException>(() => trainer.TrainBatch([1], [0, double.NaN], batchSize: 1));

        Assert.Equal("loss MeanSquaredError", exception.Location);
        Assert.StartsWith("loss MeanSquaredError: the loss of the batch is NaN", exception.Message);
    }

    [Fact]
    public void Backward_NaNOutputGradient_ReportsIt()
    {
        var model = new Sequential(Dense.Zeros(1, 2));
        model.Forward([1], batchSize: 1);

        var exception = Assert.Throws<NonFiniteValueException>(() => model.Backward([0, double.NaN]));

        Assert.Equal("Output gradient: ∂loss/∂output passed to Backward contains NaN at row 0, column 1.", exception.Message);
    }

    [Fact]
    public void CheckFinite_Off_LetsNaNThrough()
    {
        var model = new Sequential(Dense.Zeros(1, 1)) { CheckFinite = false };

        var output = model.Forward([double.NaN], batchSize: 1);

        Assert.True(double.IsNaN(output[0]));
    }
}
