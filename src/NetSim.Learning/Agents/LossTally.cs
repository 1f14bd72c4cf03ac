namespace NetSim.Learning.Agents;

/// <summary>Actor and critic losses of the gradient updates since the last <see cref="Take"/>.</summary>
internal sealed class LossTally
{
    private double _actor;
    private double _critic;
    private int _count;

    /// <summary>Counts one update's losses.</summary>
    public void Add(double actor, double critic)
    {
        _actor += actor;
        _critic += critic;
        _count++;
    }

    /// <summary>The mean losses since the last call (NaN without an update), and starts over.</summary>
    public (double Actor, double Critic) Take()
    {
        var result = _count == 0 ? (double.NaN, double.NaN) : (_actor / _count, _critic / _count);
        _actor = _critic = 0;
        _count = 0;
        return result;
    }
}
