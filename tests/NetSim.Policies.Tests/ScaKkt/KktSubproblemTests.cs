using NetSim.Policies.ScaKkt;

namespace NetSim.Policies.Tests.ScaKkt;

/// <summary>
/// Algorithm 2 on one-task sub-problems whose solution can be worked out by hand from the KKT
/// conditions (17) to (23), and on one whose solution a grid search finds.
/// </summary>
public sealed class KktSubproblemTests
{
    // Linear costs: c2 = 0 and w2 = 0 make R⁺_r(s) = α_r s with α_r = w1 (c1 Δt_r + c3 e_r).
    private static readonly ScaKktWeights Linear = new(1, 0, 1, 1, 0);
    private static readonly ScaKktTask LinearTask = new(0.002, 0.001, 0.5, 2.0, 1, 0.1, 0.05, 20, 100);

    [Fact]
    public void Given_linear_costs_and_a_slack_budget_When_solved_Then_a_is_the_clipped_root_of_D_n_and_s_the_least_steps()
    {
        var problem = new ScaKktProblem([LinearTask], 1e6, 1, Linear);
        var sub = Subproblem(problem, u: 0.8, v: 0.3, z: 0.02, linearisation: 0.6, tau: 0.5);

        sub.Solve();

        // h(s) = (u α0² + v α1²) s² rises from s = 1, so s* = s_min = 1 (ζ = 0). D_n(a, 0, 0) = 0 gives
        // â = (1/(2u) + τ (2 a^(i) - 1)) / (1/(2u) + 1/(2v)) = (0.625 + 0.1) / (0.625 + 1.6667) = 0.316364.
        var expected = ((1 / (2 * 0.8)) + (0.5 * 0.2)) / ((1 / (2 * 0.8)) + (1 / (2 * 0.3)));
        Assert.Equal(0, sub.Delta);
        Assert.Equal(expected, sub.Offload[0], 1e-12);
        Assert.Equal(1, sub.Steps[0], 1e-9);
    }

    [Fact]
    public void Given_linear_costs_and_a_binding_budget_When_solved_Then_delta_is_the_hand_derived_multiplier_of_16b()
    {
        const double u = 0.8, v = 0.3, z = 0.02, budget = 0.5;
        var problem = new ScaKktProblem([LinearTask], budget, 1, Linear);
        var sub = Subproblem(problem, u, v, z, linearisation: 0.9, tau: 0.5);

        sub.Solve();

        // (16b) with s = 1 active: z + a² / (4 z) = S_e, so a = 2 sqrt(z (S_e - z)) = 0.395980;
        // (18a) with β = γ = 0: (1/(2u) + 1/(2v) + δ/(2z)) a = 1/(2u) + τ (2 a^(i) - 1), solved for δ.
        var a = 2 * Math.Sqrt(z * (budget - z));
        var delta = 2 * z * ((((1 / (2 * u)) + (0.5 * 0.8)) / a) - (1 / (2 * u)) - (1 / (2 * v)));
        Assert.True(delta > 0);
        Assert.Equal(a, sub.Offload[0], 1e-7);
        Assert.Equal(delta, sub.Delta, 1e-6 * delta);
        Assert.Equal(1, sub.Steps[0], 1e-9);
        Assert.True(sub.BudgetSlack() <= 1e-9);
    }

    [Fact]
    public void Given_a_cost_that_falls_with_steps_and_equal_step_limits_When_solved_Then_16c_is_active_and_a_keeps_its_closed_form()
    {
        // Δt = 0 and no energy make α = 0; c2 = 0; w2 = 1: R⁺_r(s) = e^{-C2 s} falls, so h' < 0
        // everywhere and the optimum sits on s = S0 = S1 = 40 with ζ_n = -h'(40) > 0; as
        // S_{n,0}^max - S_{n,1}^max = 0, ζ_n drops out of D_n and â keeps its ζ = 0 value.
        var weights = new ScaKktWeights(1, 0, 1, 1, 1);
        var task = new ScaKktTask(0, 0, 0, 0, 1, 0.1, 0.05, 40, 40);
        var problem = new ScaKktProblem([task], 1e6, 1, weights);
        var sub = Subproblem(problem, u: 0.4, v: 0.7, z: 0.01, linearisation: 0.3, tau: 0.2);

        sub.Solve();

        var expected = ((1 / (2 * 0.4)) + (0.2 * -0.4)) / ((1 / (2 * 0.4)) + (1 / (2 * 0.7)));
        Assert.Equal(0, sub.Delta);
        Assert.Equal(40, sub.Steps[0], 1e-12);
        Assert.Equal(expected, sub.Offload[0], 1e-12);
    }

    [Fact]
    public void Given_full_costs_When_solved_Then_no_point_of_a_fine_grid_over_the_feasible_set_is_better()
    {
        // A task whose optimum has ζ_n > 0 on the slanted bound s = (1 - a) S0 + a S1 (case 2 of the Appendix).
        var weights = new ScaKktWeights(1, 1, 1e-3, 0.3, 0.7);
        var task = new ScaKktTask(0.002, 0.001, 0.0675, 0.5, 1, 0.1, 0.05, 20, 100);
        var problem = new ScaKktProblem([task], 1e6, 1, weights);
        const double u = 0.6, v = 0.6, z = 0.01, tau = 0.05, linearisation = 0.5;
        var sub = Subproblem(problem, u, v, z, linearisation, tau);

        sub.Solve();

        double Phi(double a, double s)
        {
            var r0 = problem.Cost(0, false, s) + weights.W2;
            var r1 = problem.Cost(0, true, s) + weights.W2;
            return (r0 * r0 * u) + ((1 - a) * (1 - a) / (4 * u)) + (r1 * r1 * v) + (a * a / (4 * v)) - (tau * (((2 * linearisation) - 1) * a));
        }

        var found = Phi(sub.Offload[0], sub.Steps[0]);
        var best = double.PositiveInfinity;
        for (var i = 0; i <= 400; i++)
        {
            var a = i / 400.0;
            var bound = 20 + (a * 80);
            for (var j = 0; j <= 400; j++)
            {
                best = Math.Min(best, Phi(a, 1 + ((bound - 1) * j / 400.0)));
            }
        }

        Assert.InRange(sub.Offload[0], 1e-3, 1 - 1e-3);
        Assert.Equal(20 + (sub.Offload[0] * 80), sub.Steps[0], 1e-9);
        Assert.True(found <= best + 1e-12, $"KKT point {found} against grid {best}");
        Assert.True(best - found < 1e-3, "the grid comes close to the KKT point");
    }

    private static KktSubproblem Subproblem(ScaKktProblem problem, double u, double v, double z, double linearisation, double tau)
    {
        var sub = new KktSubproblem(problem) { Tau = tau };
        sub.U[0] = u;
        sub.V[0] = v;
        sub.Z[0] = z;
        sub.Linearisation[0] = linearisation;
        return sub;
    }
}
