using TorchSharp;
using static TorchSharp.torch;

namespace NetSim.Learning.Tests;

public sealed class TorchTests
{
    [Fact]
    public void GivenThisHost_WhenTorchIsUsed_ThenItLoadsAndComputes()
    {
        using var a = tensor(new float[] { 1, 2, 3 });
        using var b = (a * a).sum();
        Assert.Equal(14f, b.item<float>());
    }

    [Fact]
    public void GivenATinyNetworkOnALinearTarget_WhenTrainedWithAdam_ThenTheLossFallsTenfold()
    {
        // y = 2x - 1 on 64 fixed points: a 1-16-1 network fits it far below the initial loss;
        // a tenfold fall after 300 steps is a wide margin (the fall observed is well over 100x).
        torch.manual_seed(7);
        using var net = nn.Sequential(nn.Linear(1, 16), nn.Tanh(), nn.Linear(16, 1));
        using var x = linspace(-1, 1, 64).reshape(64, 1);
        using var y = (2 * x) - 1;
        using var optimizer = optim.Adam(net.parameters(), lr: 0.01);
        double first = double.NaN, last = double.NaN;
        for (var step = 0; step < 300; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(net.forward(x), y);
            loss.backward();
            optimizer.step();
            var value = loss.item<float>();
            if (step == 0)
            {
                first = value;
            }

            last = value;
        }

        Assert.True(last < first / 10, $"loss {first} -> {last}");
    }
}
