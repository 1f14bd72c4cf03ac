using System.Numerics;
using System.Runtime.CompilerServices;
using NetSim.Kernel.Events;

namespace NetSim.Kernel;

/// <summary>
/// The future-event list, ordered by (time, key) where the key packs the event's priority above its
/// insertion sequence, so equal-time events run by priority and then in scheduling order, on every
/// run. Simulated time never goes back, which allows a radix heap: events later than the current
/// instant sit in 65 buckets by the highest bit in which their time's IEEE-754 pattern differs from
/// the instant's (non-negative doubles order like their bit patterns); the events of the current
/// instant sit in a small binary heap by key. Pushing is O(1); popping moves each event through at
/// most 64 buckets over its life, with sequential scans instead of the branch-heavy sift-down of a
/// comparison heap.
/// </summary>
internal sealed class EventQueue
{
    private const int Buckets = 65;
    private readonly Entry[][] _buckets = new Entry[Buckets][];
    private readonly int[] _sizes = new int[Buckets];
    private Entry[] _now = new Entry[64];
    private int _nowCount;
    private ulong _instant;
    private int _future;

    public EventQueue()
    {
        for (var i = 0; i < Buckets; i++)
        {
            _buckets[i] = new Entry[16];
        }
    }

    public int Count => _nowCount + _future;

    /// <summary>Time of the next event, or +infinity.</summary>
    public double PeekTime
    {
        get
        {
            if (_nowCount == 0 && !Advance())
            {
                return double.PositiveInfinity;
            }

            return _now[0].Time;
        }
    }

    public void Push(double time, long key, Event ev)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(time);
        if (bits < _instant)
        {
            Rewind(bits);
        }

        var entry = new Entry(time, key, ev);
        if (bits == _instant)
        {
            PushNow(entry);
        }
        else
        {
            AddFuture(entry, bits);
            _future++;
        }
    }

    public Entry Pop()
    {
        if (_nowCount == 0 && !Advance())
        {
            throw new InvalidOperationException("the event queue is empty");
        }

        var heap = _now;
        var top = heap[0];
        var last = heap[--_nowCount];
        heap[_nowCount] = default;
        if (_nowCount > 0)
        {
            var index = 0;
            var count = _nowCount;
            while (true)
            {
                var child = (index << 1) + 1;
                if (child >= count)
                {
                    break;
                }

                if (child + 1 < count && heap[child + 1].Key < heap[child].Key)
                {
                    child++;
                }

                if (heap[child].Key >= last.Key)
                {
                    break;
                }

                heap[index] = heap[child];
                index = child;
            }

            heap[index] = last;
        }

        return top;
    }

    private void PushNow(in Entry entry)
    {
        if (_nowCount == _now.Length)
        {
            Array.Resize(ref _now, _now.Length * 2);
        }

        var heap = _now;
        var index = _nowCount++;
        while (index > 0)
        {
            var parent = (index - 1) >> 1;
            if (heap[parent].Key <= entry.Key)
            {
                break;
            }

            heap[index] = heap[parent];
            index = parent;
        }

        heap[index] = entry;
    }

    /// <summary>Moves the earliest future instant's events into the current-instant heap; false if none.</summary>
    private bool Advance()
    {
        if (_future == 0)
        {
            return false;
        }

        var b = 1;
        while (_sizes[b] == 0)
        {
            b++;
        }

        var bucket = _buckets[b];
        var size = _sizes[b];
        var min = ulong.MaxValue;
        for (var i = 0; i < size; i++)
        {
            var bits = Bits(bucket[i].Time);
            if (bits < min)
            {
                min = bits;
            }
        }

        _instant = min;
        _sizes[b] = 0;
        for (var i = 0; i < size; i++)
        {
            var entry = bucket[i];
            bucket[i] = default;
            var bits = Bits(entry.Time);
            if (bits == min)
            {
                _future--;
                PushNow(entry);
            }
            else
            {
                AddFuture(entry, bits);
            }
        }

        return true;
    }

    /// <summary>Makes an earlier instant current (after a run stopped short of an instant it had looked at).</summary>
    private void Rewind(ulong bits)
    {
        var all = new List<Entry>(Count);
        for (var i = 0; i < _nowCount; i++)
        {
            all.Add(_now[i]);
            _now[i] = default;
        }

        for (var b = 0; b < Buckets; b++)
        {
            for (var i = 0; i < _sizes[b]; i++)
            {
                all.Add(_buckets[b][i]);
                _buckets[b][i] = default;
            }

            _sizes[b] = 0;
        }

        _nowCount = 0;
        _future = 0;
        _instant = bits;
        foreach (var entry in all)
        {
            var entryBits = Bits(entry.Time);
            if (entryBits == bits)
            {
                PushNow(entry);
            }
            else
            {
                AddFuture(entry, entryBits);
                _future++;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddFuture(in Entry entry, ulong bits)
    {
        var b = 64 - BitOperations.LeadingZeroCount(bits ^ _instant);
        var size = _sizes[b];
        if (size == _buckets[b].Length)
        {
            Array.Resize(ref _buckets[b], size * 2);
        }

        _buckets[b][size] = entry;
        _sizes[b] = size + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(double time) => (ulong)BitConverter.DoubleToInt64Bits(time);

    /// <summary>A scheduled event.</summary>
    internal readonly struct Entry(double time, long key, Event ev)
    {
        public readonly double Time = time;
        public readonly long Key = key;
        public readonly Event Event = ev;
    }
}
