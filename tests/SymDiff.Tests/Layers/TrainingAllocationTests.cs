using SymDiff.Functions;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Optimizers;
using SymDiff.Training;

namespace SymDiff.Tests.Layers;

/// <summary>Training allocates nothing per batch once its buffers exist.</summary>
public sealed class TrainingAllocationTests
{
    [Theory]
    [InlineData("Adam")]
    [InlineData("Sgd")]
    public void TrainBatch_SteadyState_AllocatesZeroBytesPerBatch(string optimizer)
    {
        var random = new Random(1);
        var model = new Sequential(new Dense(64, 64, random), new Activation<Activations.ReluFunction>(64), new Dense(64, 32, random), new Activation<Activations.GeluFunction>(32), new Dense(32, 10, random), new Softmax(10));
        IOptimizer step = optimizer == "Adam" ? new Adam(model.Parameters) : new Sgd(model.Parameters, 0.01, momentum: 0.9, weightDecay: 1e-4);
        var trainer = new Trainer(model, new MeanSquaredError(), step);
        var input = TestData.Matrix(1, 32 * 64);
        var target = TestData.OneHot(2, 32, 10);
        for (var i = 0; i < 5; i++)
        {
            trainer.TrainBatch(input, target, 32);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var loss = 0.0;
        for (var i = 0; i < 100; i++)
        {
            loss += trainer.TrainBatch(input, target, 32);
        }

        var bytesPerBatch = (GC.GetAllocatedBytesForCurrentThread() - before) / 100.0;

        Assert.True(double.IsFinite(loss));
        Assert.Equal(0, bytesPerBatch);
    }

    [Fact]
    public void Fit_BatchesOfAnEpoch_AllocateZeroBytes()
    {
        var random = new Random(2);
        var model = new Sequential(new Dense(8, 16, random), new Activation<Activations.TanhFunction>(16), new Dense(16, 4, random));
        var data = Dataset.FromLabels(TestData.Matrix(3, 200 * 8), 8, Enumerable.Range(0, 200).Select(i => i % 4).ToArray(), 4);
        var trainer = new Trainer(model, new SoftmaxCrossEntropy(), new Adam(model.Parameters));
        var allocated = new long[3, 14]; // 200 rows in batches of 16: 13 batches per epoch
        var options = new TrainingOptions
        {
            Epochs = 3,
            BatchSize = 16,
            Seed = 4,
            BatchProgress = new SynchronousProgress<BatchProgress>(progress => allocated[progress.Epoch - 1, progress.Batch] = GC.GetAllocatedBytesForCurrentThread()),
        };

        trainer.Fit(data, options);

        for (var epoch = 1; epoch < 3; epoch++)
        {
            Assert.Equal(allocated[epoch, 1], allocated[epoch, 13]); // batches 2..13 of epochs 2 and 3 allocate nothing
        }
    }
}
