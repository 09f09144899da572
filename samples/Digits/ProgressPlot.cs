using SymDiff.Training;

namespace Digits;

/// <summary>The training curves as a picture: loss (left axis) and accuracy (right axis) per epoch, with ScottPlot.</summary>
public static class ProgressPlot
{
    /// <summary>Writes <paramref name="path"/> as a PNG of <paramref name="width"/>×<paramref name="height"/> pixels.</summary>
    public static void Save(TrainingHistory history, string path, int width = 800, int height = 450)
    {
        var epochs = history.Epochs.Select(e => (double)e.Epoch).ToArray();
        var plot = new ScottPlot.Plot();
        plot.Title("Digits: training loss and accuracy per epoch");
        plot.XLabel("epoch");

        var loss = plot.Add.Scatter(epochs, history.Epochs.Select(e => e.TrainingLoss).ToArray());
        loss.LegendText = "training loss (cross-entropy)";
        plot.Axes.Left.Label.Text = "loss";

        var accuracy = plot.Add.Scatter(epochs, history.Epochs.Select(e => e.TrainingAccuracy * 100).ToArray());
        accuracy.LegendText = "training accuracy (%)";
        accuracy.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "accuracy (%)";

        plot.ShowLegend(ScottPlot.Alignment.MiddleRight);
        plot.SavePng(path, width, height);
    }
}
