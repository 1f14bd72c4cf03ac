namespace NetSim.Policies.ScaKkt;

/// <summary>
/// How Algorithms 1 to 3 of Wang, Liu and Zhao run. The defaults are the paper's where it gives a
/// value (τ = 1e5, section IV-A) and documented choices where it does not (see <c>ScaKkt.md</c>).
/// </summary>
/// <param name="Tau">τ &gt; 0: weight of the penalty Σ a_n (1 - a_n) (eq. 14).</param>
/// <param name="MaxOuter">I: most SCA iterations of Algorithm 3.</param>
/// <param name="MaxInner">K: most auxiliary-variable iterations of Algorithm 1 per SCA iteration.</param>
/// <param name="Tolerance">ε̄_0: convergence threshold on the largest change of a_n and of s_n / max(1, s_n).</param>
/// <param name="AuxiliaryFloor">η: a_n and 1 - a_n are floored at η when the auxiliary variables u, v, z are formed (ambiguity A2).</param>
/// <param name="InitialOffload">a_n^(0), in (0, 1): the start of Algorithm 3 (ambiguity A3).</param>
/// <param name="TauStart">τ of the first SCA iteration; each further iteration multiplies it by <paramref name="TauGrowth"/> up to <paramref name="Tau"/> (ambiguity A7). Equal to τ: the paper's fixed penalty.</param>
/// <param name="TauGrowth">Factor &gt;= 1 between the penalties of successive SCA iterations.</param>
/// <param name="FlipRounds">Most rounds of the flip search after Algorithm 3 (beyond the paper, ambiguity A8); 0 returns the paper's answer alone.</param>
public sealed record ScaKktSettings(
    double Tau = 1e5,
    int MaxOuter = 20,
    int MaxInner = 60,
    double Tolerance = 1e-6,
    double AuxiliaryFloor = 1e-3,
    double InitialOffload = 0.5,
    double TauStart = 1e5,
    double TauGrowth = 1,
    int FlipRounds = 1000)
{
    /// <summary>The paper's settings.</summary>
    public static ScaKktSettings Default { get; } = new();

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (!(Tau > 0) || double.IsInfinity(Tau))
        {
            throw new ArgumentException($"tau = {Tau}: expected a finite number > 0");
        }

        if (!(TauStart > 0 && TauStart <= Tau) || !(TauGrowth >= 1) || double.IsInfinity(TauGrowth))
        {
            throw new ArgumentException($"tau start = {TauStart} and growth = {TauGrowth}: expected 0 < start <= tau = {Tau} and a finite growth >= 1");
        }

        if (FlipRounds < 0)
        {
            throw new ArgumentException($"flip rounds = {FlipRounds}: expected a whole number >= 0");
        }

        if (MaxOuter < 1 || MaxInner < 1)
        {
            throw new ArgumentException($"iterations I = {MaxOuter} and K = {MaxInner}: expected at least 1 each");
        }

        if (!(Tolerance > 0))
        {
            throw new ArgumentException($"tolerance = {Tolerance}: expected a number > 0");
        }

        if (!(AuxiliaryFloor > 0 && AuxiliaryFloor < 0.5))
        {
            throw new ArgumentException($"auxiliary floor = {AuxiliaryFloor}: expected a number in (0, 0.5)");
        }

        if (!(InitialOffload > 0 && InitialOffload < 1))
        {
            throw new ArgumentException($"initial offloading = {InitialOffload}: expected a number in (0, 1)");
        }
    }
}
