using NetSim.Network.Geometry;
using NetSim.Network.Radio;

namespace NetSim.Network.Tests.World;

/// <summary>The stations' grid index and the sparse gain table against brute force over every pair.</summary>
public class SpatialIndexTests
{
    private static Point[] Random(int count, double side, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new Point((rng.NextDouble() - 0.5) * side, (rng.NextDouble() - 0.5) * side)).ToArray();
    }

    [Fact]
    public void Given_random_stations_When_queried_within_a_radius_and_for_the_nearest_Then_the_answers_are_those_of_a_scan_of_all()
    {
        // Queries inside and well outside the stations' box (up to 1.5 times its side away).
        var stations = Random(500, 10_000, 1);
        var grid = new UniformGrid(stations);
        var found = new List<int>();
        foreach (var at in Random(300, 30_000, 2))
        {
            foreach (var radius in new[] { 0.0, 250, 1_000, 4_000, 50_000 })
            {
                found.Clear();
                grid.Within(at, radius, found);
                var expected = Enumerable.Range(0, stations.Length).Where(m => at.DistanceTo(stations[m]) <= radius);
                Assert.Equal(expected, found);
            }

            Assert.Equal(ScanNearest(stations, at), grid.Nearest(at));
        }
    }

    [Fact]
    public void Given_stations_on_a_lattice_When_a_point_is_equally_near_several_Then_the_nearest_is_the_lowest_index_as_in_a_scan()
    {
        // A 10 x 10 lattice of 100 m in scrambled index order: the centre of a square is equally
        // near its four corners, a point on a lattice line equally near two.
        var order = Enumerable.Range(0, 100).OrderBy(i => (i * 37) % 100).ToArray();
        var stations = order.Select(i => new Point((i % 10) * 100.0, (i / 10) * 100.0)).ToArray();
        var grid = new UniformGrid(stations);
        for (var x = -150.0; x <= 1050; x += 50)
        {
            for (var y = -150.0; y <= 1050; y += 50)
            {
                var at = new Point(x, y);
                Assert.Equal(ScanNearest(stations, at), grid.Nearest(at));
            }
        }

        Assert.Equal(-1, new UniformGrid([]).Nearest(default));
    }

    [Fact]
    public void Given_a_tolerance_When_the_gain_table_is_built_Then_it_holds_exactly_the_stations_within_the_closed_form_range()
    {
        // Range: 0.1 W received at tolerance x noise: 10 log10(0.1 / (1e-3 * 1e-13)) = 150 dB of
        // path loss, 128.1 + 37.6 log10(d / 1 km) = 150 at d = 10^(21.9 / 37.6) km = 3.8183 km.
        var settings = Specs.Shannon() with { InterferenceTolerance = 1e-3 };
        var range = GainTable.Range(settings, Specs.TxPowerW);
        Assert.Equal(1000 * Math.Pow(10, 21.9 / 37.6), range, 1e-6);
        Assert.Equal(1e-3 * Specs.NoiseW, Specs.TxPowerW * Specs.Gain(range), 1e-22);
        Assert.True(double.IsPositiveInfinity(GainTable.Range(settings with { InterferenceTolerance = 0 }, Specs.TxPowerW)));

        var ues = Random(400, 20_000, 3);
        var stations = Random(300, 20_000, 4);
        var table = new GainTable(settings, ues, stations, Specs.TxPowerW, new UniformGrid(stations), _ => throw new InvalidOperationException("no shadowing, no draw"));
        Assert.False(table.Dense);
        long pairs = 0;
        for (var n = 0; n < ues.Length; n++)
        {
            var inRange = Enumerable.Range(0, stations.Length).Where(m => ues[n].DistanceTo(stations[m]) <= range).ToArray();
            Assert.Equal(inRange, table.Stations(n).ToArray());
            pairs += inRange.Length;
            for (var m = 0; m < stations.Length; m++)
            {
                Assert.Equal(Specs.Gain(ues[n].DistanceTo(stations[m])), table.Gain(n, m), 1e-25);
            }
        }

        Assert.Equal(pairs, table.Pairs);
        Assert.True(pairs < ues.Length * stations.Length / 2, $"{pairs} gains kept");

        // Every station in range of every UE: the dense table, whatever the tolerance.
        var near = Random(50, 1_000, 5);
        var dense = new GainTable(settings, near, Random(20, 1_000, 6), Specs.TxPowerW, new UniformGrid(Random(20, 1_000, 6)), _ => null!);
        Assert.True(dense.Dense);
        Assert.Equal(50 * 20, dense.Pairs);
    }

    private static int ScanNearest(Point[] stations, Point at)
    {
        var best = -1;
        var bestDistance = double.PositiveInfinity;
        for (var m = 0; m < stations.Length; m++)
        {
            var d = at.DistanceTo(stations[m]);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = m;
            }
        }

        return best;
    }
}
