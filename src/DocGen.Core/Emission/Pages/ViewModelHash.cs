using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace DocGen.Core.Emission.Pages;

/// <summary>
/// A SHA-256 of a view model as a template sees it: a canonical serialization of the object graph by runtime type
/// (every public instance property, in name order, of every object reached; lists item by item; text with its
/// length), so two models hash alike exactly when a template can tell no difference between them. Nothing is
/// listed by hand, so a field added to a view model is in the key without anyone remembering it.
/// </summary>
/// <remarks>
/// Objects are walked by their runtime type, never by a declared one, so a derived record's extra properties count.
/// A graph deeper than <see cref="MaxDepth"/> (a cycle) is refused with <see cref="InvalidOperationException"/>;
/// the caller then renders the page as if it had no key.
/// </remarks>
internal static class ViewModelHash
{
    /// <summary>The deepest nesting walked; view models are a handful of levels deep.</summary>
    public const int MaxDepth = 64;

    private static readonly ConcurrentDictionary<Type, Shape> Shapes = new();

    [ThreadStatic] private static char[]? t_buffer;

    /// <summary>Lower-case hex SHA-256 of <paramref name="salt"/> followed by each of <paramref name="parts"/> in order.</summary>
    /// <exception cref="InvalidOperationException">A part nests deeper than <see cref="MaxDepth"/>.</exception>
    public static string Of(string salt, params object?[] parts)
    {
        // One buffer per thread, reused for every page: hashing must not cost an allocation per field.
        var writer = new Writer(t_buffer ??= new char[16 * 1024]);
        writer.Text(salt);
        foreach (var part in parts) writer.Value(part, 0);
        t_buffer = writer.Buffer;
        var hash = SHA256.HashData(MemoryMarshal.AsBytes(writer.Buffer.AsSpan(0, writer.Length)));
        return Convert.ToHexStringLower(hash);
    }

    private struct Writer(char[] buffer)
    {
        public char[] Buffer = buffer;
        public int Length;

        public void Value(object? value, int depth)
        {
            if (depth > MaxDepth) throw new InvalidOperationException($"a view model nests deeper than {MaxDepth} levels");
            switch (value)
            {
                case null: Tag('n'); break;
                case string text: Tag('s'); Text(text); break;
                case bool flag: Tag(flag ? 't' : 'f'); break;
                case int number: Tag('i'); Text(number.ToString(CultureInfo.InvariantCulture)); break;
                case Enum e: Tag('e'); Text(e.GetType().FullName!); Text(Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)); break;
                case double d: Tag('d'); Text(BitConverter.DoubleToInt64Bits(d).ToString(CultureInfo.InvariantCulture)); break;
                case IFormattable primitive when value.GetType().IsPrimitive || value is decimal:
                    Tag('p'); Text(value.GetType().Name); Text(primitive.ToString(null, CultureInfo.InvariantCulture)); break;
                case IList list:
                    // Indexed: an enumerator per list would be an allocation per list per page.
                    Tag('[');
                    for (var i = 0; i < list.Count; i++) Value(list[i], depth + 1);
                    Tag(']');
                    break;
                case IEnumerable items:
                    Tag('[');
                    foreach (var item in items) Value(item, depth + 1);
                    Tag(']');
                    break;
                default:
                    var shape = Shapes.GetOrAdd(value.GetType(), Compile);
                    Tag('{');
                    Text(shape.Name);
                    foreach (var get in shape.Getters) Value(get(value), depth + 1);
                    Tag('}');
                    break;
            }
        }

        public void Text(string text)
        {
            // Length first, so no two sequences of strings serialize alike.
            Ensure(text.Length + 4);
            var length = text.Length;
            Buffer[Length++] = (char)(length & 0xFFFF);
            Buffer[Length++] = (char)(length >> 16);
            text.CopyTo(0, Buffer, Length, text.Length);
            Length += text.Length;
        }

        private void Tag(char tag)
        {
            Ensure(1);
            Buffer[Length++] = tag;
        }

        private void Ensure(int more)
        {
            if (Length + more <= Buffer.Length) return;
            Array.Resize(ref Buffer, Math.Max(Buffer.Length * 2, Length + more));
        }
    }

    /// <summary>A type's short name (its full name can be hundreds of characters, for every object) and its property readers.</summary>
    private sealed record Shape(string Name, Func<object, object?>[] Getters);

    // The short name with generic arguments: DocGen's build is in every key, so within one key a short name is one type.
    private static string ShortName(Type type) =>
        type.IsGenericType ? type.Name + "[" + string.Join(",", type.GetGenericArguments().Select(ShortName)) + "]" : type.Name;

    // Public instance properties without parameters, in ordinal name order, each read through a compiled delegate
    // (reflection's Invoke is an order of magnitude slower, and a site reads millions of fields).
    private static Shape Compile(Type type)
    {
        var instance = Expression.Parameter(typeof(object), "o");
        return new Shape(ShortName(type),
        [
            .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
                .OrderBy(p => p.Name, StringComparer.Ordinal)
                .Select(p => Expression.Lambda<Func<object, object?>>(
                    Expression.Convert(Expression.Property(Expression.Convert(instance, type), p), typeof(object)), instance).Compile()),
        ]);
    }
}
