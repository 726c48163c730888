import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Build step (run by functions/lambda/pom.xml after the shade plugin, as a single-file Java program so it
 * needs no build of its own): removes from a Lambda deployment jar the classes its handler can never
 * load.
 *
 * <p>Two kinds of classes are pruned to what is reachable: sensor-etl's own classes (from the
 * handler and the cold-start driver given as entry points), and the generated operation classes of
 * AWS service clients ({@code services/<svc>/model|transform|paginators|waiters}). A service client
 * class ({@code S3Client}, {@code DefaultS3Client}, ...) mentions every operation of the service, so
 * references from those classes are not followed; instead reaching an operation's
 * {@code <Op>Request} keeps its {@code <Op>RequestMarshaller} and {@code <Op>Response}, which is all
 * a client method uses. The same holds for the endpoint resolvers' per-operation dispatch
 * ({@code endpoints/internal/*ResolverUtils}). The request classes of operations never called stay as
 * empty stubs (name and superclass only): the verifier loads them when it checks a client class.
 * Modelled exceptions stay whole (clients register all of them when built); the async clients go
 * unless something reaches them. A string constant that names a class of the jar counts as a
 * reference, which covers classes loaded by name. Every other class and resource is kept as shaded.
 * Glue alone shrinks from 10 MB to about 1.
 *
 * <p>Stand-ins ({@code --stubs=<source dir>}): small hand-written classes compiled here and added to a
 * jar in which a kept class refers to one of them, for a library left out of the jars whose classes
 * a kept class still names on a path the handlers never take (Parquet's shaded Jackson: see
 * {@code src/build/stubs}). A stand-in never replaces a class the jar has.
 *
 * <p>Usage: {@code java LambdaJarPruner.java [--stubs=<dir>] <jar>=<entry class>[,<entry class>...] ...}; with
 * {@code PRUNER_WHY=<class>} in the environment it prints the chain of classes that kept that one.
 */
public final class LambdaJarPruner {
    /**
     * Reached only from their callers and never loaded by name on the handlers' paths: sensor-etl
     * itself, Parquet (without Hadoop, its reflective paths are dead), its shaded fastutil, JTS
     * (geospatial statistics) and aircompressor. Parquet's shaded Jackson is not in the jars at all
     * (the shade filter leaves it out; stand-ins replace the few classes Parquet names).
     */
    private static final Pattern OWN = Pattern.compile(
            "(io/sensoretl/|org/apache/parquet/|shaded/parquet/it/|org/locationtech/jts/|io/airlift/compress/).*");
    private static final Pattern SERVICE_OPERATION =
            Pattern.compile("software/amazon/awssdk/services/[a-z0-9]+/([a-z0-9]+/)?(model|transform|paginators|waiters)/.*");
    /** The async clients: the handlers use the sync ones. */
    private static final Pattern ASYNC_CLIENT =
            Pattern.compile("software/amazon/awssdk/services/[a-z0-9]+/([a-z0-9]+/)?[A-Za-z0-9]*Async[A-Za-z0-9]*(\\$.*)?");
    private static final Pattern EXCEPTION =
            Pattern.compile("software/amazon/awssdk/services/[a-z0-9]+/model/[A-Za-z0-9]*Exception(\\$.*)?");
    /** Classes that name every operation of a service: their references are not followed. */
    private static final Pattern CLIENT = Pattern.compile("software/amazon/awssdk/services/[a-z0-9]+/([a-z0-9]+/)?"
            + "([A-Za-z0-9]*Client|endpoints/internal/[A-Za-z0-9]*ResolverUtils)(\\$.*)?");
    private static final Pattern REQUEST =
            Pattern.compile("(software/amazon/awssdk/services/[a-z0-9]+/)model/([A-Za-z0-9]+)Request");
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z_$][A-Za-z0-9_$/]*);");

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java LambdaJarPruner.java <jar>=<entry class>[,<entry class>...] ...");
            System.exit(2);
        }
        Map<String, byte[]> stubs = Map.of();
        for (String arg : args) {
            if (arg.startsWith("--stubs=")) {
                stubs = compile(Path.of(arg.substring("--stubs=".length())));
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected <jar>=<entry classes>, got " + arg);
            }
            prune(Path.of(arg.substring(0, eq)), Set.of(arg.substring(eq + 1).replace('.', '/').split(",")), stubs);
        }
    }

    static void prune(Path jar, Set<String> entryPoints, Map<String, byte[]> stubs) throws IOException {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            try (Stream<Path> files = Files.walk(zip.getPath("/"))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.toString().substring(1);
                    if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                        classes.put(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(f));
                    }
                }
            }
        }
        for (String entry : entryPoints) {
            if (!classes.containsKey(entry)) {
                throw new IllegalArgumentException(jar + ": entry point " + entry.replace('/', '.') + " is not in the jar");
            }
        }
        Set<String> kept = new HashSet<>();
        Map<String, String> reachedFrom = new HashMap<>();
        Set<String> verifierOnly = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String c : classes.keySet()) {
            if (!prunable(c) || entryPoints.contains(c)) {
                todo.add(c);
            }
        }
        while (!todo.isEmpty()) {
            String c = todo.poll();
            if (!kept.add(c)) {
                continue;
            }
            Matcher request = REQUEST.matcher(c);
            if (request.matches()) {
                todo.add(request.group(1) + "transform/" + request.group(2) + "RequestMarshaller");
                todo.add(request.group(1) + "model/" + request.group(2) + "Response");
            }
            if (CLIENT.matcher(c).matches()) {
                // the verifier loads (without linking) every request type a client method passes on as
                // SdkRequest: keep those class files, not what they reference
                byte[] client = classes.get(c);
                for (String ref : client == null ? Set.<String>of() : references(client, c)) {
                    if (REQUEST.matcher(ref).matches() && classes.containsKey(ref)) {
                        verifierOnly.add(ref);
                    }
                }
                continue;
            }
            byte[] bytes = classes.get(c);
            if (bytes == null) {
                continue;
            }
            for (String ref : references(bytes, c)) {
                if (classes.containsKey(ref) && !kept.contains(ref)) {
                    reachedFrom.putIfAbsent(ref, c);
                    todo.add(ref);
                }
            }
        }
        verifierOnly.removeAll(kept);
        Set<String> standIns = new HashSet<>();
        for (String c : kept) {
            byte[] bytes = classes.get(c);
            if (bytes != null) {
                for (String ref : references(bytes, c)) {
                    if (stubs.containsKey(ref) && !classes.containsKey(ref)) {
                        standIns.add(ref);
                    }
                }
            }
        }
        if (!standIns.isEmpty()) {
            // a stand-in refers to its siblings (ObjectMapper -> ObjectWriter): all of them go in
            stubs.keySet().stream().filter(c -> !classes.containsKey(c)).forEach(standIns::add);
        }
        String why = System.getenv("PRUNER_WHY");
        for (String c = why == null ? null : why.replace('.', '/'); c != null; c = reachedFrom.get(c)) {
            System.out.println("  kept because of " + c);
        }
        long before = Files.size(jar);
        int removed = 0;
        // zipfs rewrites the jar on close, copying the entries that stay without recompressing them
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            for (String c : verifierOnly) {
                Files.write(zip.getPath("/" + c + ".class"), stub(classes.get(c), c));
            }
            for (String c : standIns) {
                Path file = zip.getPath("/" + c + ".class");
                Files.createDirectories(file.getParent());
                Files.write(file, stubs.get(c));
            }
            for (String c : classes.keySet()) {
                if (!kept.contains(c) && !verifierOnly.contains(c)) {
                    Files.delete(zip.getPath("/" + c + ".class"));
                    removed++;
                }
            }
        }
        System.out.printf("%s: removed %d of %d classes, %d reduced to stubs, %d stand-ins added, %.1f MB -> %.1f MB%n",
                jar.getFileName(), removed, classes.size(), verifierOnly.size(), standIns.size(), before / 1e6,
                Files.size(jar) / 1e6);
    }

    /** The stand-ins' sources under {@code dir}, compiled in memory for Java 17: class name -> class file. */
    static Map<String, byte[]> compile(Path dir) throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(dir)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("no stand-in sources (*.java) under " + dir);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, ByteArrayOutputStream> out = new LinkedHashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        JavaFileManager memory = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(java.net.URI.create("mem:///" + className.replace('.', '/') + ".class"), kind) {
                    @Override
                    public java.io.OutputStream openOutputStream() {
                        return out.computeIfAbsent(className.replace('.', '/'), k -> new ByteArrayOutputStream());
                    }
                };
            }
        };
        boolean ok = javac.getTask(null, memory, null, List.of("--release", "17", "-Xlint:all", "-Werror"), null,
                standard.getJavaFileObjectsFromPaths(sources)).call();
        if (!ok) {
            throw new IllegalStateException("the stand-ins under " + dir + " do not compile (errors above)");
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        out.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        return classes;
    }

    private static boolean prunable(String c) {
        return OWN.matcher(c).matches() || ASYNC_CLIENT.matcher(c).matches()
                || SERVICE_OPERATION.matcher(c).matches() && !EXCEPTION.matcher(c).matches();
    }

    /** What the pruner needs of a class file: versions, constant pool and superclass. */
    record ClassFile(int minor, int major, String[] utf8, int[] classIndex, int[] stringIndex, String superName) {
        static ClassFile parse(byte[] bytes, String name) {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
                if (in.readInt() != 0xCAFEBABE) {
                    throw new IOException("not a class file");
                }
                int minor = in.readUnsignedShort();
                int major = in.readUnsignedShort();
                int count = in.readUnsignedShort();
                String[] utf8 = new String[count];
                int[] classIndex = new int[count];
                int[] stringIndex = new int[count];
                for (int i = 1; i < count; i++) {
                    int tag = in.readUnsignedByte();
                    switch (tag) {
                        case 1 -> utf8[i] = in.readUTF();
                        case 7 -> classIndex[i] = in.readUnsignedShort();
                        case 8 -> stringIndex[i] = in.readUnsignedShort();
                        case 16, 19, 20 -> in.readUnsignedShort();
                        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                        case 5, 6 -> {
                            in.readLong();
                            i++; // 8-byte constants take two slots
                        }
                        case 15 -> {
                            in.readUnsignedByte();
                            in.readUnsignedShort();
                        }
                        default -> throw new IOException("unknown constant pool tag " + tag);
                    }
                }
                in.readUnsignedShort(); // access flags
                in.readUnsignedShort(); // this class
                int superIndex = in.readUnsignedShort();
                return new ClassFile(minor, major, utf8, classIndex, stringIndex,
                        superIndex == 0 ? null : utf8[classIndex[superIndex]]);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the class file of " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /** Every class named in the constant pool: class entries, and class types inside descriptors and signatures. */
    static Set<String> references(byte[] bytes, String name) {
        ClassFile file = ClassFile.parse(bytes, name);
        Set<String> refs = new HashSet<>();
        String[] utf8 = file.utf8();
        for (int i = 1; i < utf8.length; i++) {
            if (file.classIndex()[i] != 0) {
                String c = utf8[file.classIndex()[i]];
                refs.add(c.startsWith("[") ? c.replaceAll("^\\[+L?|;$", "") : c);
            }
            if (file.stringIndex()[i] != 0) {
                // a class loaded by name: fully qualified, or simple and in the same package
                // (Parquet's Packer finds its bit-packing implementations that way)
                String text = utf8[file.stringIndex()[i]];
                refs.add(text.replace('.', '/'));
                refs.add(name.substring(0, name.lastIndexOf('/') + 1) + text);
            }
            if (utf8[i] != null && utf8[i].indexOf(';') >= 0) {
                Matcher m = DESCRIPTOR_CLASS.matcher(utf8[i]);
                while (m.find()) {
                    refs.add(m.group(1));
                }
            }
        }
        return refs;
    }

    /**
     * The class reduced to its name and superclass: abstract, no members. Enough for the verifier's
     * subtype checks; any real use fails with {@code AbstractMethodError}/{@code NoSuchMethodError}.
     */
    static byte[] stub(byte[] bytes, String name) {
        ClassFile file = ClassFile.parse(bytes, name);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(0xCAFEBABE);
            data.writeShort(file.minor());
            data.writeShort(file.major());
            data.writeShort(5); // constant pool: #1 name, #2 class #1, #3 super name, #4 class #3
            data.writeByte(1);
            data.writeUTF(name);
            data.writeByte(7);
            data.writeShort(1);
            data.writeByte(1);
            data.writeUTF(file.superName());
            data.writeByte(7);
            data.writeShort(3);
            data.writeShort(0x0001 | 0x0020 | 0x0400 | 0x1000); // public super abstract synthetic
            data.writeShort(2);
            data.writeShort(4);
            data.writeShort(0); // interfaces
            data.writeShort(0); // fields
            data.writeShort(0); // methods
            data.writeShort(0); // attributes
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot stub " + name + ": " + e.getMessage(), e);
        }
    }
}
