namespace NetSim.Bench;

/// <summary>
/// The bare baseline: System.Collections.Generic.PriorityQueue with timestamped items in the access
/// pattern of a simulation (each pop pushes one item later by an exponential draw), keeping 1,000
/// items in the queue as W1 does.
/// </summary>
internal static class Baseline
{
    public static double Run(long items)
    {
        var queue = new PriorityQueue<object, (double Time, long Seq)>();
        var rng = new System.Random(1);
        var token = new object();
        long seq = 0;
        for (var i = 0; i < 1000; i++)
        {
            queue.Enqueue(token, (-Math.Log(1 - rng.NextDouble()), seq++));
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (long i = 0; i < items; i++)
        {
            queue.TryDequeue(out _, out var key);
            queue.Enqueue(token, (key.Time - Math.Log(1 - rng.NextDouble()), seq++));
        }

        return items / watch.Elapsed.TotalSeconds;
    }
}
