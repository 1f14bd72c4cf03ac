using NetSim.Network.Geometry;

namespace NetSim.Network.Radio;

/// <summary>
/// Linear path gains (with shadowing, without fading) of every UE to the base stations in its
/// range, the stations whose mean received power from the UE can reach the interference tolerance
/// times the noise power (<see cref="RangeM"/>). When every station is in range of every UE, the
/// table is the dense UE x station array the channel always had, filled in the same order with the
/// same draws; otherwise each UE keeps only its stations in range, in increasing index (a
/// compressed row), so memory grows with UEs times stations in range, not with UEs times stations.
/// A gain out of range is the path-loss law's, computed on demand (no shadowing is drawn for it).
/// A UE that moves (<see cref="Move"/>) gets the path-loss law's gains at its new place, to every
/// station (dense) or to the stations then in range, kept in a row of its own (no shadowing: the
/// scenario refuses shadowing with moving UEs).
/// </summary>
internal sealed class GainTable
{
    /// <summary>The most gains one table holds: the longest .NET array.</summary>
    public const long MaxPairs = 0x7FFFFFC7;

    private readonly PathLoss _pathLoss;
    private readonly Point[] _ues;
    private readonly Point[] _stations;
    private readonly int _stationCount;
    private readonly double[] _gain;
    private readonly int[]? _rowStations;
    private readonly long[]? _rowStart;
    private readonly int[] _all;
    private readonly UniformGrid? _grid;
    private readonly List<int> _moveNear = new();
    private int[]?[]? _movedStations;
    private double[]?[]? _movedGains;

    /// <param name="settings">Path loss, noise, shadowing and the interference tolerance.</param>
    /// <param name="ues">Where the UEs stand.</param>
    /// <param name="stations">Where the base stations stand.</param>
    /// <param name="txPowerW">The highest transmit power of a UE, watts.</param>
    /// <param name="grid">The stations' spatial index.</param>
    /// <param name="shadowing">Each UE's shadowing stream, drawn once per station in range, in increasing station index.</param>
    public GainTable(RadioSettings settings, Point[] ues, Point[] stations, double txPowerW, UniformGrid grid, Func<int, Random> shadowing)
    {
        _pathLoss = settings.PathLoss;
        _ues = ues;
        _stations = stations;
        _stationCount = stations.Length;
        _all = Enumerable.Range(0, stations.Length).ToArray();
        _grid = grid;
        RangeM = Range(settings, txPowerW);

        // A first pass counts the stations in range of each UE; when every UE has them all, the
        // table is dense, filled as it always was.
        var starts = new long[ues.Length + 1];
        var near = new List<int>();
        Dense = true;
        for (var n = 0; n < ues.Length; n++)
        {
            var count = stations.Length;
            if (!double.IsPositiveInfinity(RangeM))
            {
                near.Clear();
                grid.Within(ues[n], RangeM, near);
                count = near.Count;
            }

            Dense &= count == stations.Length;
            starts[n + 1] = starts[n] + count;
        }

        if (starts[^1] > MaxPairs)
        {
            throw new ArgumentException(Dense
                ? $"{ues.Length:N0} UEs x {stations.Length:N0} base stations, all in range of each other, need {starts[^1]:N0} channel gains, more than the {MaxPairs:N0} one run can hold; set channel.interference_tolerance above 0 or spread the stations wider"
                : $"{ues.Length:N0} UEs with their base stations in range need {starts[^1]:N0} channel gains, more than the {MaxPairs:N0} one run can hold; raise channel.interference_tolerance or spread the stations wider");
        }

        _gain = new double[starts[^1]];
        if (Dense)
        {
            for (var n = 0; n < ues.Length; n++)
            {
                var stream = settings.ShadowingDb > 0 ? shadowing(n) : null;
                for (var k = 0; k < stations.Length; k++)
                {
                    _gain[((long)n * stations.Length) + k] = Draw(settings, ues[n], stations[k], stream);
                }
            }

            return;
        }

        _rowStart = starts;
        _rowStations = new int[starts[^1]];
        for (var n = 0; n < ues.Length; n++)
        {
            near.Clear();
            grid.Within(ues[n], RangeM, near);
            var stream = settings.ShadowingDb > 0 ? shadowing(n) : null;
            var at = starts[n];
            foreach (var k in near)
            {
                _rowStations[at] = k;
                _gain[at] = Draw(settings, ues[n], stations[k], stream);
                at++;
            }
        }
    }

    /// <summary>A dense table of given gains, <paramref name="gain"/>[n * stations + m] of UE n to station m, every station in range.</summary>
    public GainTable(double[] gain, int stations)
    {
        _ues = [];
        _stations = [];
        _stationCount = stations;
        _all = Enumerable.Range(0, stations).ToArray();
        _gain = gain;
        RangeM = double.PositiveInfinity;
        Dense = true;
    }

    /// <summary>
    /// The distance beyond which a UE at full power is received below the tolerance times the noise
    /// even at three standard deviations of favourable shadowing, metres; infinite at a tolerance of 0.
    /// </summary>
    public double RangeM { get; }

    /// <summary>True when every station is in range of every UE (the dense table).</summary>
    public bool Dense { get; }

    /// <summary>Gains held.</summary>
    public long Pairs => _gain.LongLength;

    /// <summary>The mean path gain (no shadowing, as for a moving UE) from <paramref name="at"/> to <paramref name="bs"/>.</summary>
    public double PathGainAt(Point at, int bs) => _pathLoss.Gain(at.DistanceTo(_stations[bs]));

    /// <summary>Linear gain of <paramref name="ue"/> to <paramref name="bs"/>.</summary>
    public double Gain(int ue, int bs)
    {
        if (Dense)
        {
            return _gain[((long)ue * _stationCount) + bs];
        }

        if (_movedStations?[ue] is { } moved)
        {
            var j = Array.BinarySearch(moved, bs);
            return j >= 0 ? _movedGains![ue]![j] : _pathLoss.Gain(_ues[ue].DistanceTo(_stations[bs]));
        }

        var start = _rowStart![ue];
        var count = (int)(_rowStart[ue + 1] - start);
        var i = Array.BinarySearch(_rowStations!, (int)start, count, bs);
        return i >= 0 ? _gain[i] : _pathLoss.Gain(_ues[ue].DistanceTo(_stations[bs]));
    }

    /// <summary>Where <paramref name="ue"/> stands now, metres.</summary>
    public Point Position(int ue) => _ues[ue];

    /// <summary>
    /// Moves <paramref name="ue"/> to <paramref name="to"/>: its gains become the path-loss law's
    /// there, to every station when the table is dense, else to the stations in range of its new
    /// place (found on the stations' grid), in increasing index.
    /// </summary>
    public void Move(int ue, Point to)
    {
        _ues[ue] = to;
        if (Dense)
        {
            var row = (long)ue * _stationCount;
            for (var k = 0; k < _stationCount; k++)
            {
                _gain[row + k] = _pathLoss.Gain(to.DistanceTo(_stations[k]));
            }

            return;
        }

        _moveNear.Clear();
        _grid!.Within(to, RangeM, _moveNear);
        _movedStations ??= new int[_ues.Length][];
        _movedGains ??= new double[_ues.Length][];
        var stations = _movedStations[ue];
        var gains = _movedGains[ue];
        if (stations is null || stations.Length != _moveNear.Count)
        {
            stations = _movedStations[ue] = new int[_moveNear.Count];
            gains = _movedGains[ue] = new double[_moveNear.Count];
        }

        for (var i = 0; i < stations.Length; i++)
        {
            stations[i] = _moveNear[i];
            gains![i] = _pathLoss.Gain(to.DistanceTo(_stations[_moveNear[i]]));
        }
    }

    /// <summary>The stations in range of <paramref name="ue"/>, in increasing index.</summary>
    public ReadOnlySpan<int> Stations(int ue) => Dense
        ? _all
        : _movedStations?[ue] is { } moved ? moved : _rowStations.AsSpan((int)_rowStart![ue], (int)(_rowStart[ue + 1] - _rowStart[ue]));

    /// <summary>The gains of <paramref name="ue"/> to <see cref="Stations"/>, in the same order.</summary>
    public ReadOnlySpan<double> Gains(int ue) => Dense
        ? _gain.AsSpan((int)((long)ue * _stationCount), _stationCount)
        : _movedGains?[ue] is { } moved ? moved : _gain.AsSpan((int)_rowStart![ue], (int)(_rowStart[ue + 1] - _rowStart[ue]));

    /// <summary>
    /// The range of <see cref="RangeM"/>: the path loss at which <paramref name="txPowerW"/> arrives
    /// at tolerance x noise, plus three standard deviations of shadowing, turned into a distance.
    /// </summary>
    public static double Range(RadioSettings settings, double txPowerW)
    {
        var tolerance = settings.InterferenceTolerance;
        if (!(tolerance > 0) || !(txPowerW > 0))
        {
            return double.PositiveInfinity;
        }

        var lossDb = (10 * Math.Log10(txPowerW / (tolerance * settings.NoiseW))) + (3 * settings.ShadowingDb);
        var pl = settings.PathLoss;
        if (!(pl.Gamma > 0))
        {
            return double.PositiveInfinity;
        }

        var metres = pl.Reference * Math.Pow(10, (lossDb - pl.Pl0Db) / pl.Gamma);
        return Math.Max(metres, pl.MinDistance);
    }

    private static double Draw(RadioSettings settings, Point ue, Point station, Random? stream)
    {
        var lossDb = settings.PathLoss.LossDb(ue.DistanceTo(station));
        if (stream is not null)
        {
            lossDb += MathNet.Numerics.Distributions.Normal.Sample(stream, 0, settings.ShadowingDb);
        }

        return Math.Pow(10, -lossDb / 10);
    }
}
