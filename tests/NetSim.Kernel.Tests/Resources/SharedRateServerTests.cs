using NetSim.Kernel.Resources;

namespace NetSim.Kernel.Tests.Resources;

/// <summary>
/// The shared-rate servers against completion times computed by hand from the fluid model: each
/// held job's work falls at its rate, processor sharing splits the capacity by weight, and a job
/// finishes when its work reaches zero.
/// </summary>
public class SharedRateServerTests
{
    private const double Tolerance = 1e-12;

    private sealed class Job(string name) : SharedRateJob
    {
        public string Name { get; } = name;
    }

    /// <summary>A simulation and a record of (job, finish time) in completion order.</summary>
    private sealed class Bench
    {
        public Simulation Sim { get; } = new();

        public List<(string Job, double Time)> Done { get; } = new();

        public void Record(Job job) => Done.Add((job.Name, Sim.Now));

        public ProcessorSharingServer<Job> Ps(double rate = 1, int servers = 1) => new(Sim, rate, servers, Record);

        public VariableRateServer<Job> Variable() => new(Sim, Record);

        public void At(double time, Action action) => Sim.After(time - Sim.Now, action);

        public void AssertDone(params (string Job, double Time)[] expected)
        {
            Assert.Equal(expected.Select(e => e.Job), Done.Select(d => d.Job));
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(Done[i].Time - expected[i].Time) <= Tolerance * Math.Max(1, expected[i].Time), $"{expected[i].Job}: finished at {Done[i].Time:R}, expected {expected[i].Time:R}");
            }
        }
    }

    [Fact]
    public void Given_processor_sharing_with_two_jobs_arriving_at_once_Then_each_gets_half_until_the_smaller_finishes()
    {
        // Work 1 and 2 at rate 1: both at 1/2 until the first is done at t = 2 (the second has done 1),
        // then the second alone at rate 1 for its last unit: t = 3.
        var b = new Bench();
        var ps = b.Ps();
        ps.Add(new Job("a"), 1);
        ps.Add(new Job("b"), 2);
        b.Sim.Run();
        b.AssertDone(("a", 2), ("b", 3));
    }

    [Fact]
    public void Given_processor_sharing_with_staggered_arrivals_Then_the_late_short_job_finishes_first()
    {
        // a (work 3) alone on [0, 1): 2 left. b (work 1) arrives at 1: both at 1/2, b done at 3,
        // when a has 1 left; a alone: done at 4.
        var b = new Bench();
        var ps = b.Ps();
        ps.Add(new Job("a"), 3);
        b.At(1, () => ps.Add(new Job("b"), 1));
        b.Sim.Run();
        b.AssertDone(("b", 3), ("a", 4));
    }

    [Fact]
    public void Given_processor_sharing_with_jobs_due_at_the_same_instant_Then_both_finish_then_in_arrival_order()
    {
        // a (work 2) alone on [0, 1): 1 left; b (work 1) from 1: both have 1 left at rate 1/2, both done at 3.
        var b = new Bench();
        var ps = b.Ps();
        ps.Add(new Job("a"), 2);
        b.At(1, () => ps.Add(new Job("b"), 1));
        b.Sim.Run();
        b.AssertDone(("a", 3), ("b", 3));
    }

    [Fact]
    public void Given_processor_sharing_with_an_arrival_during_service_Then_the_job_in_service_slows_from_that_instant()
    {
        // Rate 2. a (work 4) alone until 1: 2 left. b (work 0.5) at 1: each at 1, b done at 1.5 (a: 1.5 left),
        // c (work 1) at 1.75 after a alone at 2 for 0.25 s (a: 1 left): each at 1, both done at 2.75.
        var b = new Bench();
        var ps = b.Ps(rate: 2);
        ps.Add(new Job("a"), 4);
        b.At(1, () => ps.Add(new Job("b"), 0.5));
        b.At(1.75, () => ps.Add(new Job("c"), 1));
        b.Sim.Run();
        b.AssertDone(("b", 1.5), ("a", 2.75), ("c", 2.75));
    }

    [Fact]
    public void Given_processor_sharing_with_weights_Then_the_capacity_is_split_by_weight()
    {
        // a (weight 1, work 1) and b (weight 3, work 1.5): rates 1/4 and 3/4; b done at 2 when a
        // has done 1/2; a alone at rate 1: done at 2.5.
        var b = new Bench();
        var ps = b.Ps();
        var a = new Job("a");
        var heavy = new Job("b");
        ps.Add(a, 1, weight: 1);
        ps.Add(heavy, 1.5, weight: 3);
        b.At(1, () =>
        {
            Assert.Equal(0.25, ps.RateOf(a), 12);
            Assert.Equal(0.75, ps.RateOf(heavy), 12);
        });
        b.Sim.Run();
        b.AssertDone(("b", 2), ("a", 2.5));
    }

    [Fact]
    public void Given_processor_sharing_on_two_servers_with_three_jobs_Then_each_gets_two_thirds_of_a_server_then_a_whole_one()
    {
        // Work 1, 2, 3 on two servers of rate 1: each at 2/3 until the first is done at 1.5 (each has
        // done 1); then two jobs, one server each: 1 and 2 left, done at 2.5 and 3.5.
        var b = new Bench();
        var ps = b.Ps(servers: 2);
        ps.Add(new Job("a"), 1);
        ps.Add(new Job("b"), 2);
        ps.Add(new Job("c"), 3);
        b.Sim.Run();
        b.AssertDone(("a", 1.5), ("b", 2.5), ("c", 3.5));
    }

    [Fact]
    public void Given_processor_sharing_Then_remaining_work_and_backlog_follow_the_shared_rate()
    {
        var b = new Bench();
        var ps = b.Ps();
        var a = new Job("a");
        var c = new Job("c");
        ps.Add(a, 3);
        b.At(1, () => ps.Add(c, 1));
        b.At(2, () =>
        {
            // a: 3 - 1 - 0.5 = 1.5; c: 1 - 0.5 = 0.5.
            Assert.Equal(1.5, ps.Remaining(a), 12);
            Assert.Equal(0.5, ps.Remaining(c), 12);
            Assert.Equal(2.0, ps.Backlog, 12);
            Assert.Equal(1.0, ps.TotalRate, 12);
        });
        b.Sim.Run();
        b.AssertDone(("c", 3), ("a", 4));
        Assert.Equal(0, ps.Backlog);
        Assert.Equal(0, ps.Remaining(a));
    }

    [Fact]
    public void Given_a_job_removed_during_service_Then_it_never_finishes_and_the_others_speed_up()
    {
        // a (work 2) and b (work 2) at 1/2 each; b removed at 2 with 1 left; a alone: done at 3.
        var b = new Bench();
        var ps = b.Ps();
        var a = new Job("a");
        var c = new Job("b");
        ps.Add(a, 2);
        ps.Add(c, 2);
        var left = double.NaN;
        b.At(2, () => left = ps.Remove(c));
        b.Sim.Run();
        b.AssertDone(("a", 3));
        Assert.Equal(1.0, left, 12);
        Assert.False(c.IsHeld);
    }

    [Fact]
    public void Given_variable_rates_changed_mid_service_Then_the_completion_follows_each_rate_from_its_change()
    {
        // a: work 10 at rate 2; at 2 (6 left) rate 1; at 4 (4 left) rate 0: paused; at 6 rate 4: done at 7.
        // b: work 1 at rate 4 from 3: done at 3.25.
        var b = new Bench();
        var server = b.Variable();
        var a = new Job("a");
        server.Add(a, 10, 2);
        b.At(2, () => server.SetRate(a, 1));
        b.At(3, () => server.Add(new Job("b"), 1, 4));
        b.At(4, () =>
        {
            Assert.Equal(4, server.Remaining(a), 12);
            server.SetRate(a, 0);
        });
        b.At(5, () => Assert.Equal(double.PositiveInfinity, server.NextCompletion));
        b.At(6, () => server.SetRate(a, 4));
        b.Sim.Run();
        b.AssertDone(("b", 3.25), ("a", 7));
    }

    [Fact]
    public void Given_every_rate_set_at_once_Then_each_job_finishes_at_its_new_rate()
    {
        // Three jobs of work 6 at rates 1, 2, 3; at 1 (left 5, 4, 3) every rate becomes 1 / (index + 1) of 6:
        // rates 6, 3, 2 -> finishes at 1 + 5/6, 1 + 4/3, 1 + 3/2.
        var b = new Bench();
        var server = b.Variable();
        var jobs = new[] { new Job("x"), new Job("y"), new Job("z") };
        for (var i = 0; i < jobs.Length; i++)
        {
            server.Add(jobs[i], 6, i + 1);
        }

        b.At(1, () =>
        {
            using (server.Batch())
            {
                server.SetRates(j => 6.0 / (Array.IndexOf(jobs, j) + 1));
            }
        });
        b.Sim.Run();
        b.AssertDone(("x", 1 + (5.0 / 6)), ("y", 1 + (4.0 / 3)), ("z", 2.5));
    }

    [Fact]
    public void Given_a_batch_of_changes_Then_one_completion_is_scheduled_when_it_ends()
    {
        var b = new Bench();
        var server = b.Variable();
        var a = new Job("a");
        server.Add(a, 1, 1);
        var queued = b.Sim.QueuedEvents;
        using (server.Batch())
        {
            server.SetRate(a, 2);
            server.SetRate(a, 4);
            server.Add(new Job("b"), 1, 1);
            Assert.Equal(queued, b.Sim.QueuedEvents);
        }

        Assert.Equal(queued + 1, b.Sim.QueuedEvents);
        b.Sim.Run();
        b.AssertDone(("a", 0.25), ("b", 1));
    }

    [Fact]
    public void Given_a_departed_callback_Then_the_owner_sets_the_rates_of_the_rest_before_the_next_completion_is_scheduled()
    {
        // Two uploads sharing a band of 2: each at 1; a (work 1) done at 1, b (work 3, 2 left) then at 2: done at 2.
        var sim = new Simulation();
        var done = new List<(string, double)>();
        VariableRateServer<Job>? server = null;
        var b = new Job("b");
        server = new VariableRateServer<Job>(sim, j => done.Add((j.Name, sim.Now)), departed: j =>
        {
            if (j != b)
            {
                server!.SetRate(b, 2);
            }
        });
        server.Add(new Job("a"), 1, 1);
        server.Add(b, 3, 1);
        sim.Run();
        Assert.Equal([("a", 1.0), ("b", 2.0)], done);
    }

    [Fact]
    public void Given_rates_and_times_that_do_not_divide_evenly_Then_every_job_finishes_once_without_stalling_the_clock()
    {
        // Decimal work and rates (0.1, 0.3, ...) changed at decimal times: projected finish times
        // are rounded, and a job left with a rounding error of work must still finish, at its
        // own instant, not spin there. A low stall limit turns any such spin into a failure.
        var b = new Bench();
        b.Sim.StallLimit = 50;
        var ps = b.Ps(rate: 0.3, servers: 3);
        var server = b.Variable();
        var jobs = new List<Job>();
        for (var i = 0; i < 200; i++)
        {
            var k = i;
            b.At(0.1 * k, () =>
            {
                ps.Add(new Job($"p{k}"), 0.1 * ((k % 7) + 1));
                var job = new Job($"v{k}");
                jobs.Add(job);
                server.Add(job, 0.3 * ((k % 5) + 1), 0.1 * ((k % 3) + 1));
                foreach (var other in jobs.Where(j => j.IsHeld).Take(3))
                {
                    server.SetRate(other, 0.7 / ((k % 4) + 1));
                }
            });
        }

        b.Sim.Run();
        Assert.Equal(400, b.Done.Count);
        Assert.Equal(400, b.Done.Select(d => d.Job).Distinct().Count());
        Assert.Equal(0, ps.Count);
        Assert.Equal(0, server.Count);
    }

    [Fact]
    public void Given_a_completion_Then_stale_wake_ups_of_earlier_changes_are_ignored()
    {
        // Every arrival reschedules; the wake-ups of the earlier versions stay queued and must do nothing.
        var b = new Bench();
        var ps = b.Ps();
        for (var i = 0; i < 5; i++)
        {
            var k = i;
            b.At(0.1 * k, () => ps.Add(new Job($"j{k}"), 1));
        }

        b.Sim.Run();

        // By 0.4, j0 has had 0.1 (1 + 1/2 + 1/3 + 1/4), j1 0.1 (1/2 + 1/3 + 1/4), j2 0.1 (1/3 + 1/4),
        // j3 0.1 / 4, j4 nothing. Then each phase ends when the least served job is done: five at
        // 1/5 until j0's rest is done, four at 1/4, ... A stale wake-up acted on would end a phase early.
        var had = new[] { 0.1 * (1 + 0.5 + (1.0 / 3) + 0.25), 0.1 * (0.5 + (1.0 / 3) + 0.25), 0.1 * ((1.0 / 3) + 0.25), 0.025, 0 };
        var expected = new (string, double)[5];
        var t = 0.4;
        var served = 0.0;
        for (var k = 0; k < 5; k++)
        {
            var rest = 1 - had[k] - served;
            t += rest * (5 - k);
            served += rest;
            expected[k] = ($"j{k}", t);
        }

        Assert.Equal(5.0, t, 12);
        b.AssertDone(expected);
    }

    [Fact]
    public void Given_hundreds_of_jobs_with_random_rate_changes_and_removals_Then_completions_match_a_scan_of_every_job()
    {
        // The reference is the naive fluid model: between two actions, repeatedly find the job
        // with the least remaining / rate by scanning all of them, and advance everyone to it.
        var rng = new Random(7);
        var actions = new List<(double Time, int Kind, int Job, double Value)>();
        var time = 0.0;
        for (var i = 0; i < 400; i++)
        {
            time += rng.NextDouble() * 0.05;
            actions.Add((time, rng.Next(4), rng.Next(Math.Max(1, i)), 0.5 + rng.NextDouble()));
        }

        var b = new Bench();
        var server = b.Variable();
        var jobs = new List<Job>();
        var seed = 1;
        foreach (var (t, kind, pick, value) in actions)
        {
            b.At(t, () =>
            {
                var held = jobs.Where(j => j.IsHeld).ToList();
                var target = held.Count > 0 ? held[pick % held.Count] : null;
                switch (kind)
                {
                    case 0 or 1:
                        var job = new Job($"j{jobs.Count}");
                        jobs.Add(job);
                        server.Add(job, value, 1 + (kind * value));
                        break;
                    case 2 when target is not null:
                        server.SetRate(target, value * ((pick % 3) + 1));
                        break;
                    case 3 when target is not null && pick % 2 == 0:
                        server.Remove(target);
                        break;
                    case 3:
                        var k = seed++;
                        server.SetRates(j => 0.5 + ((j.Name.Length + k) % 4));
                        break;
                }
            });
        }

        b.Sim.Run();

        // Replay on the reference, with the same decisions (they depend only on which jobs are held).
        var left = new Dictionary<string, double>();
        var rate = new Dictionary<string, double>();
        var order = new List<string>();
        var expected = new List<(string, double)>();
        var now = 0.0;
        var count = 0;
        var seed2 = 1;
        void AdvanceTo(double until)
        {
            while (left.Count > 0)
            {
                var next = left.Keys.Where(n => rate[n] > 0).OrderBy(n => now + (left[n] / rate[n])).FirstOrDefault();
                if (next is null || now + (left[next] / rate[next]) > until)
                {
                    break;
                }

                var dt = left[next] / rate[next];
                foreach (var n in left.Keys.ToList())
                {
                    left[n] -= rate[n] * dt;
                }

                now += dt;
                left.Remove(next);
                order.Remove(next);
                expected.Add((next, now));
            }

            foreach (var n in left.Keys.ToList())
            {
                left[n] -= rate[n] * (until - now);
            }

            now = until;
        }

        foreach (var (t, kind, pick, value) in actions)
        {
            AdvanceTo(t);
            var target = order.Count > 0 ? order[pick % order.Count] : null;
            switch (kind)
            {
                case 0 or 1:
                    var name = $"j{count++}";
                    left[name] = value;
                    rate[name] = 1 + (kind * value);
                    order.Add(name);
                    break;
                case 2 when target is not null:
                    rate[target] = value * ((pick % 3) + 1);
                    break;
                case 3 when target is not null && pick % 2 == 0:
                    left.Remove(target);
                    order.Remove(target);
                    break;
                case 3:
                    var k = seed2++;
                    foreach (var n in left.Keys)
                    {
                        rate[n] = 0.5 + ((n.Length + k) % 4);
                    }

                    break;
            }
        }

        AdvanceTo(double.PositiveInfinity);
        Assert.True(expected.Count > 100, $"{expected.Count} completions");
        Assert.Equal(expected.Select(e => e.Item1), b.Done.Select(d => d.Job));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(b.Done[i].Time - expected[i].Item2) <= 1e-9, $"{expected[i].Item1}: {b.Done[i].Time:R} vs {expected[i].Item2:R}");
        }
    }

    [Fact]
    public void Given_bad_arguments_Then_the_servers_refuse_them_with_clear_messages()
    {
        var sim = new Simulation();
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcessorSharingServer<Job>(sim, 0, 1, _ => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ProcessorSharingServer<Job>(sim, 1, 0, _ => { }));
        var ps = new ProcessorSharingServer<Job>(sim, 1, 1, _ => { }, name: "cpu");
        Assert.Contains("cpu: work -1", Assert.Throws<ArgumentOutOfRangeException>(() => ps.Add(new Job("a"), -1)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ps.Add(new Job("a"), 1, weight: 0));
        var held = new Job("h");
        ps.Add(held, 1);
        Assert.Contains("already held", Assert.Throws<InvalidOperationException>(() => ps.Add(held, 1)).Message, StringComparison.Ordinal);
        Assert.Contains("not held", Assert.Throws<InvalidOperationException>(() => ps.Remove(new Job("x"))).Message, StringComparison.Ordinal);
        var variable = new VariableRateServer<Job>(sim, _ => { });
        Assert.Throws<ArgumentOutOfRangeException>(() => variable.Add(new Job("a"), 1, double.NaN));
        Assert.Contains("not held", Assert.Throws<InvalidOperationException>(() => variable.SetRate(new Job("y"), 1)).Message, StringComparison.Ordinal);
    }
}
