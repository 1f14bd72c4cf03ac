using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Marks the GLIBCXX_3.4.32 version reference of a copied libLibTorchSharp.so weak (VER_FLG_WEAK in
/// vna_flags of its Vernaux entry in .gnu.version_r) when the host's libstdc++ does not define that
/// version. TorchSharp 0.107 was linked with GCC 13, which references std::ios_base_library_init()
/// at GLIBCXX_3.4.32 only to order iostream start-up and never calls it; older libstdc++ (Debian 12:
/// GLIBCXX_3.4.30) refuses to load the library over that one version. The patch writes a new file
/// and moves it over the copy (never touching the package cache, whose file may be hard-linked)
/// and keeps the copy's time stamp so incremental builds do not copy the original back. Idempotent.
/// </summary>
public sealed class PatchLibTorchSharp : Task
{
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>The copies of libLibTorchSharp.so to patch (missing files are skipped).</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Candidate paths of the host's libstdc++.so.6; the first that exists is read.</summary>
    [Required]
    public ITaskItem[] HostLibStdCxx { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The symbol version to weaken.</summary>
    public string Version { get; set; } = "GLIBCXX_3.4.32";

    /// <inheritdoc />
    public override bool Execute()
    {
        string host = null;
        foreach (var candidate in HostLibStdCxx)
        {
            if (File.Exists(candidate.ItemSpec))
            {
                host = candidate.ItemSpec;
                break;
            }
        }

        if (host is null)
        {
            Log.LogMessage(MessageImportance.Low, "PatchLibTorchSharp: no host libstdc++ found; nothing to do");
            return true;
        }

        if (Defines(File.ReadAllBytes(host), Version))
        {
            Log.LogMessage(MessageImportance.Low, $"PatchLibTorchSharp: {host} defines {Version}; nothing to do");
            return true;
        }

        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path))
            {
                continue;
            }

            var bytes = File.ReadAllBytes(path);
            var offset = FindVernaux(bytes, Version);
            if (offset < 0)
            {
                Log.LogMessage(MessageImportance.Low, $"PatchLibTorchSharp: {path} does not require {Version}");
                continue;
            }

            var flags = BitConverter.ToUInt16(bytes, offset + 4);
            if ((flags & VerFlgWeak) != 0)
            {
                continue;
            }

            BitConverter.GetBytes((ushort)(flags | VerFlgWeak)).CopyTo(bytes, offset + 4);
            var stamp = File.GetLastWriteTimeUtc(path);
            var temp = path + ".patching";
            File.WriteAllBytes(temp, bytes);
            File.SetLastWriteTimeUtc(temp, stamp);
            File.Delete(path);
            File.Move(temp, path);
            Log.LogMessage(MessageImportance.Normal, $"PatchLibTorchSharp: marked {Version} weak in {path}");
        }

        return true;
    }

    /// <summary>Whether the ELF image's version definitions (.gnu.version_d) name <paramref name="version"/>.</summary>
    private static bool Defines(byte[] elf, string version)
    {
        foreach (var (offset, count, strtab) in Sections(elf, ShtGnuVerdef))
        {
            var entry = offset;
            for (var i = 0; i < count; i++)
            {
                var aux = entry + (int)BitConverter.ToUInt32(elf, entry + 12);
                if (Name(elf, strtab, BitConverter.ToUInt32(elf, aux)) == version)
                {
                    return true;
                }

                var next = BitConverter.ToUInt32(elf, entry + 16);
                if (next == 0)
                {
                    break;
                }

                entry += (int)next;
            }
        }

        return false;
    }

    /// <summary>File offset of the Vernaux entry naming <paramref name="version"/> in .gnu.version_r, or -1.</summary>
    private static int FindVernaux(byte[] elf, string version)
    {
        foreach (var (offset, count, strtab) in Sections(elf, ShtGnuVerneed))
        {
            var entry = offset;
            for (var i = 0; i < count; i++)
            {
                var auxCount = BitConverter.ToUInt16(elf, entry + 2);
                var aux = entry + (int)BitConverter.ToUInt32(elf, entry + 8);
                for (var j = 0; j < auxCount; j++)
                {
                    if (Name(elf, strtab, BitConverter.ToUInt32(elf, aux + 8)) == version)
                    {
                        return aux;
                    }

                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }

                var next = BitConverter.ToUInt32(elf, entry + 12);
                if (next == 0)
                {
                    break;
                }

                entry += (int)next;
            }
        }

        return -1;
    }

    /// <summary>Sections of type <paramref name="type"/> of a little-endian ELF64 image: offset, entry count (sh_info) and linked string table offset.</summary>
    private static System.Collections.Generic.IEnumerable<(int Offset, int Count, int StringTable)> Sections(byte[] elf, uint type)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            yield break;
        }

        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        var shentsize = BitConverter.ToUInt16(elf, 0x3A);
        var shnum = BitConverter.ToUInt16(elf, 0x3C);
        for (var i = 0; i < shnum; i++)
        {
            var header = (int)(shoff + (i * shentsize));
            if (BitConverter.ToUInt32(elf, header + 4) != type)
            {
                continue;
            }

            var offset = (int)BitConverter.ToUInt64(elf, header + 0x18);
            var link = BitConverter.ToUInt32(elf, header + 0x28);
            var info = (int)BitConverter.ToUInt32(elf, header + 0x2C);
            var linkHeader = (int)(shoff + (link * shentsize));
            var strtab = (int)BitConverter.ToUInt64(elf, linkHeader + 0x18);
            yield return (offset, info, strtab);
        }
    }

    private static string Name(byte[] elf, int strtab, uint index)
    {
        var start = strtab + (int)index;
        var end = start;
        while (end < elf.Length && elf[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
