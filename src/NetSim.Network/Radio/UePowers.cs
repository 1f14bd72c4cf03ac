namespace NetSim.Network.Radio;

/// <summary>
/// Each UE's power budget: its transmit power P_n is split equally over its uploads in progress
/// (<c>P_n / k</c> on each of k), and each upload's energy is the power it radiated, integrated over
/// the time it was in progress. A per-UE running count of joules per upload, marked when an upload
/// joins, makes an upload's energy one subtraction however often its share changed.
/// </summary>
internal sealed class UePowers(double[] txPowerW)
{
    private readonly List<Upload>?[] _uploads = new List<Upload>?[txPowerW.Length];
    private readonly double[] _joules = new double[txPowerW.Length];
    private readonly double[] _since = new double[txPowerW.Length];

    /// <summary>Uploads of <paramref name="ue"/> in progress.</summary>
    public int Count(int ue) => _uploads[ue]?.Count ?? 0;

    /// <summary>The uploads of <paramref name="ue"/> in progress.</summary>
    public IReadOnlyList<Upload> Of(int ue) => _uploads[ue] ?? (IReadOnlyList<Upload>)[];

    /// <summary>Uploads of <paramref name="ue"/> in progress to base station <paramref name="bs"/>.</summary>
    public int CountTo(int ue, int bs)
    {
        var n = 0;
        foreach (var v in _uploads[ue] ?? [])
        {
            if (v.Bs == bs)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The power one more upload of <paramref name="ue"/> would radiate.</summary>
    public double PowerIfAnother(int ue) => txPowerW[ue] / (Count(ue) + 1);

    /// <summary>
    /// The power the uploads of <paramref name="ue"/> to stations other than <paramref name="bs"/>
    /// would stop radiating if one more upload of the UE started (each would radiate
    /// <c>P / (k + 1)</c> instead of <c>P / k</c>).
    /// </summary>
    public double ShedIfAnother(int ue, int bs)
    {
        if (_uploads[ue] is not { Count: > 0 } uploads)
        {
            return 0;
        }

        var shed = 0.0;
        foreach (var v in uploads)
        {
            if (v.Bs != bs)
            {
                shed += v.PowerW;
            }
        }

        return shed / (uploads.Count + 1);
    }

    /// <summary>Energy <paramref name="upload"/> has radiated by <paramref name="now"/> (all of it once it has ended), joules.</summary>
    public double EnergyJ(Upload upload, double now) => upload.Slot >= 0 ? JoulesPerUpload(upload.Ue, now) - upload.EnergyMark : upload.EnergyJ;

    /// <summary>
    /// An upload of its UE starts: the UE's power is split anew over its uploads, and
    /// <paramref name="moveRx"/> (when given) moves the received power of those already counted.
    /// </summary>
    public void Join(Upload u, double now, Action<Upload, double>? moveRx)
    {
        Settle(u.Ue, now);
        u.EnergyMark = _joules[u.Ue];
        u.PowerW = 0;
        var uploads = _uploads[u.Ue] ??= new List<Upload>();
        uploads.Add(u);
        Split(uploads, u, moveRx);
    }

    /// <summary>An upload of its UE ends or is cancelled: its energy is settled and the UE's power is split over the rest.</summary>
    public void Leave(Upload u, double now, Action<Upload, double>? moveRx)
    {
        Settle(u.Ue, now);
        u.EnergyJ = _joules[u.Ue] - u.EnergyMark;
        var uploads = _uploads[u.Ue]!;
        uploads.Remove(u);
        Split(uploads, u, moveRx);
    }

    /// <summary>Joules radiated on each upload of <paramref name="ue"/> so far, summed over time.</summary>
    private double JoulesPerUpload(int ue, double now)
    {
        var k = Count(ue);
        return k == 0 ? _joules[ue] : _joules[ue] + (txPowerW[ue] / k * (now - _since[ue]));
    }

    private void Settle(int ue, double now)
    {
        _joules[ue] = JoulesPerUpload(ue, now);
        _since[ue] = now;
    }

    /// <summary>Gives each of a UE's uploads its equal part of the UE's power, moving the received powers of those already counted (all but <paramref name="changed"/>).</summary>
    private void Split(List<Upload> uploads, Upload changed, Action<Upload, double>? moveRx)
    {
        if (uploads.Count == 0)
        {
            return;
        }

        var power = txPowerW[changed.Ue] / uploads.Count;
        foreach (var v in uploads)
        {
            if (v != changed)
            {
                moveRx?.Invoke(v, power - v.PowerW);
            }

            v.PowerW = power;
        }
    }
}
