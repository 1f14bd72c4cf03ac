namespace NetSim.Policies.ScaKkt;

/// <summary>
/// A task's cost functions shifted by the constant w2 so that they are positive:
/// <c>R⁺_{n,r}(s) = R_{n,r}(s) + w2 = α_r s + β e^{-C1 s} + γ e^{-C2 s}</c>, with
/// <c>α_r = w1 (c1 Δt_{n,r} + c3 e_{n,r})</c> (eqs. 3, 5, 6), <c>β = w1 c2 ε^fwd</c> (eq. 4) and
/// <c>γ = w2</c> (eq. 7). The shift leaves P1's minimisers unchanged because
/// <c>(1 - a) + a = 1</c> (see <c>ScaKkt.md</c>, ambiguity A1); it makes the quadratic transform of
/// eq. 10 valid (positive auxiliary variables) and <c>R⁺²</c> convex.
/// </summary>
internal readonly struct TaskCost
{
    private readonly double _alphaLocal;
    private readonly double _alphaEdge;
    private readonly double _beta;
    private readonly double _gamma;
    private readonly double _c1;
    private readonly double _c2;

    public TaskCost(in ScaKktTask task, in ScaKktWeights w)
    {
        _alphaLocal = w.W1 * ((w.C1 * task.StepTimeLocal) + (w.C3 * task.StepEnergyLocal));
        _alphaEdge = w.W1 * ((w.C1 * task.StepTimeEdge) + (w.C3 * task.StepEnergyEdge));
        _beta = w.W1 * w.C2 * task.EpsFwd;
        _gamma = w.W2;
        _c1 = task.C1;
        _c2 = task.C2;
    }

    /// <summary>R⁺_{n,r}(s).</summary>
    public double Value(bool offload, double s) =>
        ((offload ? _alphaEdge : _alphaLocal) * s) + (_beta * Math.Exp(-_c1 * s)) + (_gamma * Math.Exp(-_c2 * s));

    /// <summary>
    /// Both locations at once: values, first and (shared) second derivatives of R⁺_{n,0} and
    /// R⁺_{n,1} at <paramref name="s"/>; one pair of exponentials serves all six.
    /// </summary>
    public void Evaluate(double s, out double r0, out double r1, out double d0, out double d1, out double second)
    {
        var e1 = _beta * Math.Exp(-_c1 * s);
        var e2 = _gamma * Math.Exp(-_c2 * s);
        var shared = e1 + e2;
        r0 = (_alphaLocal * s) + shared;
        r1 = (_alphaEdge * s) + shared;
        var slope = -(_c1 * e1) - (_c2 * e2);
        d0 = _alphaLocal + slope;
        d1 = _alphaEdge + slope;
        second = (_c1 * _c1 * e1) + (_c2 * _c2 * e2);
    }

    /// <summary>First and second derivative of R⁺_{n,r} at <paramref name="s"/>.</summary>
    public void Slope(bool offload, double s, out double first, out double second)
    {
        var e1 = _beta * Math.Exp(-_c1 * s);
        var e2 = _gamma * Math.Exp(-_c2 * s);
        first = (offload ? _alphaEdge : _alphaLocal) - (_c1 * e1) - (_c2 * e2);
        second = (_c1 * _c1 * e1) + (_c2 * _c2 * e2);
    }
}
