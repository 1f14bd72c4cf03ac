using System.Runtime.CompilerServices;
using NetSim.Kernel.Events;

namespace NetSim.Kernel;

/// <summary>
/// The future-event list: a 4-ary min-heap of struct entries ordered by time, then by a key that
/// packs the event's priority above its insertion sequence, so that equal-time events run by
/// priority and then in the order they were scheduled, on every run.
/// </summary>
internal sealed class EventQueue
{
    private const int Arity = 4;
    private const int Log2Arity = 2;
    private Entry[] _heap = new Entry[1024];
    private int _count;

    public int Count => _count;

    public double PeekTime => _count == 0 ? double.PositiveInfinity : _heap[0].Time;

    public void Push(double time, long key, Event ev)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var entry = new Entry(time, key, ev);
        var index = _count++;
        var heap = _heap;
        while (index > 0)
        {
            var parent = (index - 1) >> Log2Arity;
            ref var p = ref heap[parent];
            if (!Less(entry, p))
            {
                break;
            }

            heap[index] = p;
            index = parent;
        }

        heap[index] = entry;
    }

    public Entry Pop()
    {
        var heap = _heap;
        var top = heap[0];
        var last = heap[--_count];
        heap[_count] = default;
        if (_count > 0)
        {
            SiftDown(last);
        }

        return top;
    }

    private void SiftDown(Entry entry)
    {
        var heap = _heap;
        var count = _count;
        var index = 0;
        while (true)
        {
            var first = (index << Log2Arity) + 1;
            if (first >= count)
            {
                break;
            }

            var best = first;
            var end = Math.Min(first + Arity, count);
            for (var c = first + 1; c < end; c++)
            {
                if (Less(heap[c], heap[best]))
                {
                    best = c;
                }
            }

            if (!Less(heap[best], entry))
            {
                break;
            }

            heap[index] = heap[best];
            index = best;
        }

        heap[index] = entry;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in Entry a, in Entry b) => a.Time < b.Time || (a.Time == b.Time && a.Key < b.Key);

    /// <summary>A scheduled event.</summary>
    internal readonly struct Entry(double time, long key, Event ev)
    {
        public readonly double Time = time;
        public readonly long Key = key;
        public readonly Event Event = ev;
    }
}
