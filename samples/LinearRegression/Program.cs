using System.Globalization;
using SymDiff.Layers;
using SymDiff.Losses;
using SymDiff.Optimizers;
using SymDiff.Training;

// Fits y = a·x + b to noisy points by full-batch gradient descent on the mean squared error, using a
// one-input, one-output Dense layer, and compares the result with the closed-form least-squares line.
Console.OutputEncoding = System.Text.Encoding.UTF8;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const int count = 50;
const double trueSlope = 1.5;
const double trueIntercept = 0.7;
var random = new Random(7);
var x = new double[count];
var y = new double[count];
for (var i = 0; i < count; i++)
{
    x[i] = 4.0 * random.NextDouble();
    var noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    y[i] = trueSlope * x[i] + trueIntercept + 0.3 * noise;
}

// Closed form: slope = cov(x, y) / var(x), intercept = mean(y) − slope·mean(x).
var meanX = x.Average();
var meanY = y.Average();
var covariance = x.Zip(y, (xi, yi) => (xi - meanX) * (yi - meanY)).Sum();
var variance = x.Sum(xi => (xi - meanX) * (xi - meanX));
var exactSlope = covariance / variance;
var exactIntercept = meanY - exactSlope * meanX;

var line = Dense.Zeros(1, 1);
var model = new Sequential(line);
var trainer = new Trainer(model, new MeanSquaredError(), new Sgd(model.Parameters, learningRate: 0.1));
var data = new Dataset(x, 1, y, 1);

Console.WriteLine($"{count} points y = {trueSlope}·x + {trueIntercept} + noise; gradient descent on the mean squared error (SGD, learning rate 0.1, full batch)");
Console.WriteLine();
Console.WriteLine("epoch       loss      slope  intercept");
trainer.Fit(data, new TrainingOptions
{
    Epochs = 500,
    BatchSize = count,
    Shuffle = false,
    EpochProgress = new SynchronousProgress<EpochReport>(report =>
    {
        if (report.Epoch is 1 or 2 or 5 or 10 or 20 or 50 or 100 or 200 or 500)
        {
            Console.WriteLine($"{report.Epoch,5} {report.TrainingLoss,10:F6} {line.Weights.Values[0],10:F6} {line.Biases.Values[0],10:F6}");
        }
    }),
});

var fittedSlope = line.Weights.Values[0];
var fittedIntercept = line.Biases.Values[0];
Console.WriteLine();
Console.WriteLine("                      slope  intercept");
Console.WriteLine($"gradient descent  {fittedSlope,10:F6} {fittedIntercept,10:F6}");
Console.WriteLine($"least squares     {exactSlope,10:F6} {exactIntercept,10:F6}");
Console.WriteLine($"difference        {fittedSlope - exactSlope,10:E1} {fittedIntercept - exactIntercept,10:E1}");
