using NetSim.Kernel;
using NetSim.Kernel.Resources;

namespace NetSim.Network.Radio;

/// <summary>
/// The shared wireless uplink. Each active upload progresses at its current rate, held by the
/// kernel's <see cref="VariableRateServer{TJob}"/>; whenever the set of active uploads changes (or
/// a fading block ends) the rates that change are set anew and the next completion follows, so an
/// upload's finish time moves as others start and end. With interference (or at a fading block)
/// the rates at every station within the UE's range change (see <see cref="GainTable"/>: when the
/// world is small, all of them, O(active uploads)); without it a start or an end changes only the
/// rates of the uploads to the same station and of the same UE, each O(log active uploads).
/// <para>
/// Rate of an upload u of UE n to base station m: <c>share * B_m * log2(1 + SINR)</c> with
/// <c>SINR = p_u g_nm / (sigma^2 + I_m)</c> when power is taken over the whole band (Zhou et al.)
/// or <c>p_u g_nm / (share * (sigma^2 + I_m))</c> when each upload concentrates its power on its share, where
/// the interference at m is <c>I_m = sum of p_i g_im over uploads i active to other base
/// stations</c> (received power at m's receiver). Uploads to the same base station are orthogonal
/// (each gets its bandwidth share). Per base station the channel keeps the received power of all
/// active uploads and of those addressed to it, so a start or an end costs O(stations in range)
/// and the rate update O(uploads at those stations): no all-pairs sweep. A UE beyond a station's
/// range (the interference tolerance) is not counted there.
/// </para>
/// <para>
/// Power budget: a UE's transmit power P_n is its total. With k uploads in progress it radiates
/// <c>p_u = P_n / k</c> on each (in the share mode, on that upload's share of the band), so it
/// radiates P_n whatever k is, and the interference it causes at a station is that of one upload
/// at full power. When an upload of the UE starts or ends, the power of its other uploads changes,
/// and with it the received powers and every rate. An upload's energy is the power it radiated,
/// integrated over the time it was in progress (<see cref="EnergyJ"/>); the ideal channel, whose
/// rate ignores power, splits the power and counts the energy alike.
/// </para>
/// </summary>
internal sealed class UplinkChannel
{
    private readonly Simulation _sim;
    private readonly RadioSettings _settings;
    private readonly double[] _bandwidth;
    private readonly GainTable _gains;
    private readonly long[] _visited;
    private readonly List<int> _near = new();
    private long _visit;
    private readonly int _stations;
    private readonly VariableRateServer<Upload> _server;
    private readonly List<Upload>[] _atStation;
    private readonly int[] _count;
    private readonly double[] _shareSum;
    private readonly double[] _rxAll;
    private readonly double[] _rxOwn;
    private readonly UePowers _powers;
    private readonly BlockFading _fading;
    private readonly Action<object?> _idealDone;
    private readonly Action<Upload, double> _moveRx;
    private readonly Func<Upload, double> _rateOf;
    private bool _blockTimer;

    /// <param name="sim">The simulation.</param>
    /// <param name="settings">Channel settings.</param>
    /// <param name="txPowerW">Transmit power of each UE, watts.</param>
    /// <param name="bandwidthHz">Uplink bandwidth of each base station, hertz.</param>
    /// <param name="gains">Linear path gains (with shadowing) of the UEs to the base stations in their range.</param>
    /// <param name="fadingSeed">Seed of the fading draws.</param>
    public UplinkChannel(Simulation sim, RadioSettings settings, double[] txPowerW, double[] bandwidthHz, GainTable gains, ulong fadingSeed)
    {
        _sim = sim;
        _settings = settings;
        _bandwidth = bandwidthHz;
        _stations = bandwidthHz.Length;
        _gains = gains;
        _visited = new long[_stations];
        _fading = new BlockFading(settings.RayleighBlock, fadingSeed);
        _count = new int[_stations];
        _shareSum = new double[_stations];
        _rxAll = new double[_stations];
        _rxOwn = new double[_stations];
        _powers = new UePowers(txPowerW);
        _idealDone = IdealDone;
        _moveRx = AddRx;
        _rateOf = RateOf;
        _server = new VariableRateServer<Upload>(sim, Completed, Departed, "uplink");
        _atStation = new List<Upload>[_stations];
        for (var m = 0; m < _stations; m++)
        {
            _atStation[m] = new List<Upload>();
        }
    }

    /// <summary>Uploads in progress.</summary>
    public int Active => _server.Count;

    /// <summary>Uploads in progress to base station <paramref name="bs"/>.</summary>
    public int ActiveAt(int bs) => _count[bs];

    /// <summary>Linear path gain (with shadowing, without fading) of UE to base station.</summary>
    public double Gain(int ue, int bs) => _gains.Gain(ue, bs);

    /// <summary>The gains, with the stations in range of each UE.</summary>
    public GainTable Gains => _gains;

    /// <summary>
    /// A rate no upload to a station out of its UE's range can reach, bits per second: there the UE
    /// is received below tolerance x noise, so its SINR on a share eta is below tolerance / eta and
    /// its rate, eta B log2(1 + SINR) &lt;= B SINR eta / ln 2, below B tolerance / ln 2. Infinite
    /// (no bound) when every station is in range, on the ideal channel, and with fading (whose gain
    /// is unbounded).
    /// </summary>
    public double OutOfRangeRateBound => _gains.Dense || _settings.Kind == ChannelKind.Ideal || _fading.Enabled
        ? double.PositiveInfinity
        : _bandwidth.Max() * _settings.InterferenceTolerance / Math.Log(2);

    /// <summary>Noise power, watts.</summary>
    public double NoiseW => _settings.NoiseW;

    /// <summary>Energy <paramref name="upload"/> has radiated so far (all of it once it has ended), joules.</summary>
    public double EnergyJ(Upload upload) => _powers.EnergyJ(upload, _sim.Now);

    /// <summary>
    /// The rate an upload of <paramref name="ue"/> to <paramref name="bs"/> would get if it started
    /// now, given the uploads already active (what a policy may legitimately estimate): the UE's
    /// power split over its uploads in progress and this one.
    /// </summary>
    public double RateIfStarted(int ue, int bs, double share = double.NaN) => RateIfStarted(ue, bs, share, 0);

    /// <summary>
    /// As <see cref="RateIfStarted(int, int, double)"/>, with <paramref name="extraInterferenceW"/>
    /// more interference at <paramref name="bs"/> (ignored when interference is off or the channel
    /// is ideal): what an upload would get if other uploads, not started yet, were active too.
    /// </summary>
    public double RateIfStarted(int ue, int bs, double share, double extraInterferenceW)
    {
        if (_settings.Kind == ChannelKind.Ideal)
        {
            return _settings.IdealRate;
        }

        var received = Gain(ue, bs) * _fading.Gain(ue, bs);
        var power = _powers.PowerIfAnother(ue) * received;
        var interference = _settings.Interference ? _rxAll[bs] - _rxOwn[bs] + extraInterferenceW - (_powers.ShedIfAnother(ue, bs) * received) : 0;
        var eta = double.IsNaN(share) ? 1.0 / (_count[bs] + 1) : share;
        return Shannon(eta, _bandwidth[bs], power, _settings.NoiseW + Math.Max(0, interference));
    }

    /// <summary>The rate <paramref name="upload"/> sends at now, bits per second (0 once it has ended).</summary>
    public double CurrentRate(Upload upload) => _settings.Kind == ChannelKind.Ideal ? (upload.Slot >= 0 ? _settings.IdealRate : 0) : _server.RateOf(upload);

    /// <summary>Uploads of <paramref name="ue"/> in progress (to any station when <paramref name="bs"/> is negative, else to <paramref name="bs"/>).</summary>
    public int UploadsOf(int ue, int bs = -1) => bs < 0 ? _powers.Count(ue) : _powers.CountTo(ue, bs);

    /// <summary>Starts an upload; its <see cref="Upload.OnDone"/> runs when the last bit is sent.</summary>
    public void Start(Upload upload)
    {
        upload.Started = _sim.Now;
        if (_settings.Kind == ChannelKind.Ideal)
        {
            upload.Slot = 0;
            _powers.Join(upload, _sim.Now, null);
            upload.ScheduledVersion = upload.Version;
            _sim.After(upload.Bits / _settings.IdealRate, _idealDone, upload);
            return;
        }

        upload.PathGain = _gains.Gain(upload.Ue, upload.Bs);
        using (_server.Batch())
        {
            var faded = Advance();
            var station = _atStation[upload.Bs];
            upload.Slot = station.Count;
            station.Add(upload);
            _powers.Join(upload, _sim.Now, _moveRx);
            AddPower(upload, +1);
            _server.Add(upload, upload.Bits, RateOf(upload));
            SetRates(upload, faded);
        }

        CheckProgress();
    }

    /// <summary>Stops an upload before it finishes (a drop); its completion never runs.</summary>
    public void Cancel(Upload upload)
    {
        if (upload.Slot < 0)
        {
            return;
        }

        if (_settings.Kind == ChannelKind.Ideal)
        {
            upload.Version++;
            upload.Slot = -1;
            _powers.Leave(upload, _sim.Now, null);
            return;
        }

        using (_server.Batch())
        {
            var faded = Advance();
            _server.Remove(upload);
            RemoveActive(upload);
            SetRates(upload, faded);
        }

        CheckProgress();
    }

    /// <summary>
    /// Moves the UEs of <paramref name="moved"/> (each with its new place, <paramref name="move"/>
    /// updating its gains): the received powers of their uploads in progress are taken out with the
    /// old gains and put back with the new ones, and every rate is set anew (one batch, one heap
    /// rebuild). Moves of UEs with no upload in progress change no rate and cost nothing here.
    /// </summary>
    public void Relocate(IReadOnlyList<int> moved, Action<int> move)
    {
        var busy = false;
        foreach (var ue in moved)
        {
            busy |= _powers.Count(ue) > 0;
        }

        if (!busy || _settings.Kind == ChannelKind.Ideal)
        {
            foreach (var ue in moved)
            {
                move(ue);
            }

            return;
        }

        using (_server.Batch())
        {
            Advance();
            foreach (var ue in moved)
            {
                var own = _powers.Of(ue);
                for (var i = 0; i < own.Count; i++)
                {
                    AddRx(own[i], -own[i].PowerW);
                }

                move(ue);
                for (var i = 0; i < own.Count; i++)
                {
                    var u = own[i];
                    u.PathGain = _gains.Gain(ue, u.Bs);
                    AddRx(u, u.PowerW);
                }
            }

            _server.SetRates(_rateOf);
            ArmBlockTimer();
        }

        CheckProgress();
    }

    /// <summary>Bits <paramref name="upload"/>, in progress, has still to send.</summary>
    public double Remaining(Upload upload)
    {
        return _settings.Kind == ChannelKind.Ideal
            ? Math.Max(0, upload.Bits - (_settings.IdealRate * (_sim.Now - upload.Started)))
            : _server.Remaining(upload);
    }

    private void AddPower(Upload u, int sign)
    {
        _count[u.Bs] += sign;
        if (!double.IsNaN(u.Share))
        {
            _shareSum[u.Bs] += sign * u.Share;
        }

        AddRx(u, sign * u.PowerW);
    }

    /// <summary>Adds the received power at every station of <paramref name="powerW"/> (negative: removes it) radiated by the upload.</summary>
    private void AddRx(Upload u, double powerW)
    {
        if (!_settings.Interference)
        {
            return;
        }

        var stations = _gains.Stations(u.Ue);
        var gains = _gains.Gains(u.Ue);
        for (var i = 0; i < stations.Length; i++)
        {
            var m = stations[i];
            var rx = powerW * gains[i] * _fading.Gain(u.Ue, m);
            _rxAll[m] += rx;
            if (m == u.Bs)
            {
                _rxOwn[m] += rx;
            }
        }
    }

    private void IdealDone(object? state)
    {
        var upload = (Upload)state!;
        if (upload.Version == upload.ScheduledVersion)
        {
            upload.Slot = -1;
            _powers.Leave(upload, _sim.Now, null);
            upload.OnDone(upload);
        }
    }

    /// <summary>Takes an upload that has left the server out of its station's list and the power sums.</summary>
    private void RemoveActive(Upload u)
    {
        var station = _atStation[u.Bs];
        var last = station[^1];
        station[u.Slot] = last;
        last.Slot = u.Slot;
        station.RemoveAt(station.Count - 1);
        u.Slot = -1;
        AddPower(u, -1);
        _powers.Leave(u, _sim.Now, _moveRx);
        if (_server.Count == 0)
        {
            Array.Clear(_rxAll);
            Array.Clear(_rxOwn);
            Array.Clear(_shareSum);
        }
    }

    /// <summary>Moves the fading to the block holding now; true when the block changed (every gain, so every rate, did).</summary>
    private bool Advance()
    {
        if (_fading.Enabled && _fading.MoveTo(_sim.Now))
        {
            RebuildPowers();
            return true;
        }

        return false;
    }

    private void RebuildPowers()
    {
        Array.Clear(_rxAll);
        Array.Clear(_rxOwn);
        Array.Clear(_count);
        Array.Clear(_shareSum);
        foreach (var station in _atStation)
        {
            foreach (var u in station)
            {
                AddPower(u, +1);
            }
        }
    }

    /// <summary>
    /// After <paramref name="changed"/> started or ended (inside a batch of the server): sets the
    /// rates that moved. When the fading block changed, that is every rate; with interference, the
    /// rates at the stations in range of its UE and at those its UE sends to (every rate when every
    /// station is in range of every UE); without, the uploads to its station (their shares) and the other uploads of its UE (their
    /// power), one heap update each, unless the station holds a quarter of all uploads or more,
    /// when setting every rate at once (one heap rebuild, O(uploads)) costs less. Then arms the
    /// timer of the fading block's end, before the server schedules its next completion when the
    /// batch ends.
    /// </summary>
    private void SetRates(Upload changed, bool faded)
    {
        if (faded || (_settings.Interference && _gains.Dense) || _atStation[changed.Bs].Count * 4 >= _server.Count)
        {
            _server.SetRates(_rateOf);
        }
        else if (_settings.Interference)
        {
            SetRatesNear(changed);
        }
        else
        {
            foreach (var u in _atStation[changed.Bs])
            {
                _server.SetRate(u, RateOf(u));
            }

            var own = _powers.Of(changed.Ue);
            for (var i = 0; i < own.Count; i++)
            {
                if (own[i].Bs != changed.Bs)
                {
                    _server.SetRate(own[i], RateOf(own[i]));
                }
            }
        }

        ArmBlockTimer();
    }

    /// <summary>
    /// Sets the rates of the uploads at the stations whose interference or shares
    /// <paramref name="changed"/> moved: those in range of its UE, its own and those of its UE's
    /// other uploads; every rate at once when they hold a quarter of all uploads or more.
    /// </summary>
    private void SetRatesNear(Upload changed)
    {
        _visit++;
        _near.Clear();
        var uploads = 0;
        // Most stations in range of a UE in a large world hold no upload: their count (one array)
        // is read, their list of uploads (an object apiece, far apart in memory) is not.
        void Visit(int m)
        {
            if (_count[m] > 0 && _visited[m] != _visit)
            {
                _visited[m] = _visit;
                _near.Add(m);
                uploads += _count[m];
            }
        }

        foreach (var m in _gains.Stations(changed.Ue))
        {
            Visit(m);
        }

        Visit(changed.Bs);
        var own = _powers.Of(changed.Ue);
        for (var i = 0; i < own.Count; i++)
        {
            Visit(own[i].Bs);
        }

        if (uploads * 4 >= _server.Count)
        {
            _server.SetRates(_rateOf);
            return;
        }

        foreach (var m in _near)
        {
            foreach (var u in _atStation[m])
            {
                _server.SetRate(u, RateOf(u));
            }
        }
    }

    private void ArmBlockTimer()
    {
        if (_fading.Enabled && !_blockTimer && _server.Count > 0)
        {
            _blockTimer = true;
            var boundary = _fading.NextBoundary - _sim.Now;
            _sim.After(Math.Max(0, boundary), BlockEnded);
        }
    }

    /// <summary>Refuses a state where uploads are in progress but none can ever finish.</summary>
    private void CheckProgress()
    {
        if (_server.Count > 0 && double.IsPositiveInfinity(_server.NextCompletion))
        {
            throw new InvalidOperationException($"uplink: no upload can finish (rates are zero) at t={_sim.Now}");
        }
    }

    private void BlockEnded()
    {
        _blockTimer = false;
        if (_server.Count == 0)
        {
            return;
        }

        using (_server.Batch())
        {
            if (Advance())
            {
                _server.SetRates(_rateOf);
            }

            ArmBlockTimer();
        }

        CheckProgress();
    }

    private double RateOf(Upload u)
    {
        var power = u.PowerW * u.PathGain * _fading.Gain(u.Ue, u.Bs);
        var interference = _settings.Interference ? Math.Max(0, _rxAll[u.Bs] - _rxOwn[u.Bs]) : 0;
        double share;
        if (_settings.PolicyShare && !double.IsNaN(u.Share))
        {
            share = u.Share / Math.Max(1.0, _shareSum[u.Bs]);
        }
        else
        {
            share = 1.0 / _count[u.Bs];
        }

        return Shannon(share, _bandwidth[u.Bs], power, _settings.NoiseW + interference);
    }

    /// <summary>Rate on a share of the band; see <see cref="RadioSettings.PowerOverBand"/> for where noise and interference are counted.</summary>
    private double Shannon(double share, double bandwidth, double power, double noisePlusInterference)
    {
        var spread = _settings.PowerOverBand ? 1.0 : share;
        return share * bandwidth * Math.Log2(1 + (power / (spread * noisePlusInterference)));
    }

    /// <summary>
    /// An upload has sent its last bit and left the server (which then calls its
    /// <see cref="Upload.OnDone"/>, once the next completion is scheduled).
    /// </summary>
    private void Departed(Upload u)
    {
        var faded = Advance();
        RemoveActive(u);
        SetRates(u, faded);
    }

    private void Completed(Upload u)
    {
        CheckProgress();
        u.OnDone(u);
    }
}
