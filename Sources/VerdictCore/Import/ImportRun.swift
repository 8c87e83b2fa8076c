import Foundation

/// `verdict import`: files and folders of other tools' outputs → one snapshot, written only when every
/// input was read without an error.
public enum SnapshotImport {
    public enum Destination: Sendable {
        /// `<content>/benchmarks/<date>.json`.
        case contentFolder(String)
        case file(String)
        case standardOutput
    }

    public struct Request: Sendable {
        public var inputs: [String]
        public var format: ImportFormat?
        public var date: Day?
        public var title: String?
        public var rankBy: String?
        public var destination: Destination
        public var merge: Bool
        public var force: Bool
        public var allMetrics: Bool
        public var lower: [String]

        public init(inputs: [String], format: ImportFormat? = nil, date: Day? = nil, title: String? = nil, rankBy: String? = nil,
                    destination: Destination = .contentFolder("Content"), merge: Bool = false, force: Bool = false,
                    allMetrics: Bool = false, lower: [String] = []) {
            self.inputs = inputs
            self.format = format
            self.date = date
            self.title = title
            self.rankBy = rankBy
            self.destination = destination
            self.merge = merge
            self.force = force
            self.allMetrics = allMetrics
            self.lower = lower
        }
    }

    public struct Outcome: Sendable {
        /// The snapshot's bytes (what was written, or what goes to standard output).
        public let text: String
        /// Where it was written; nil for standard output.
        public let written: String?
        public let summary: String
        public let warnings: [ImportProblem]
    }

    public struct Failure: Error, Sendable {
        /// Errors and warnings, sorted.
        public let problems: [ImportProblem]
    }

    /// Reads, merges, and writes unless the destination is standard output.
    public static func run(_ request: Request) async throws(Failure) -> Outcome {
        let (files, readProblems) = await read(request)
        var problems = readProblems
        let merger = ImportMerger(options: .init(allMetrics: request.allMetrics, lower: request.lower, rankBy: request.rankBy,
                                             date: request.date, title: request.title))
        // The files that were read are merged even when others failed, so a missing date or an unknown
        // --rank-by is reported in the same run.
        if problems.contains(where: { $0.severity == .error }) {
            if !files.isEmpty { problems += merger.merge(files).problems }
            throw Failure(problems: Array(Set(problems)).sorted())
        }
        let merged = merger.merge(files)
        problems += merged.problems
        guard var snapshot = merged.snapshot, !problems.contains(where: { $0.severity == .error }) else {
            throw Failure(problems: problems.sorted())
        }

        let target: String?
        switch request.destination {
        case .standardOutput: target = nil
        case .file(let path): target = path
        case .contentFolder(let content):
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue else {
                throw Failure(problems: (problems + [ImportProblem(content,
                    "the content folder does not exist; pass --content FOLDER, or --output FILE (or - for standard output)")]).sorted())
            }
            target = (content as NSString).appendingPathComponent("benchmarks/\(snapshot.date).json")
        }
        var merging = false
        if let target, FileManager.default.fileExists(atPath: target) {
            if request.merge {
                let data = (try? Data(contentsOf: URL(fileURLWithPath: target))) ?? Data()
                let (existing, existingProblems) = ImportedSnapshot.read(existing: data, display: target)
                guard let existing else { throw Failure(problems: (problems + existingProblems).sorted()) }
                snapshot = existing.merging(snapshot, date: request.date)
                merging = true
            } else if !request.force {
                throw Failure(problems: (problems + [ImportProblem(target,
                    "already exists; pass --merge to add these results to it, or --force to replace it")]).sorted())
            }
        }
        let text = SnapshotWriter.text(of: snapshot)
        if let target {
            do { try write(text, to: target) } catch {
                throw Failure(problems: (problems + [ImportProblem(target, "cannot write: \(error.localizedDescription)")]).sorted())
            }
        }
        let counts = "\(snapshot.results.count) models, \(snapshot.metrics.count) metrics, ranked by \(snapshot.rankBy)"
        let sources = "\(files.count) file\(files.count == 1 ? "" : "s") read"
        let verb = merging ? "Merged into" : "Wrote"
        let summary = "\(verb) \(target ?? "standard output") (\(snapshot.date)): \(counts); \(sources)"
        return Outcome(text: text, written: target, summary: summary, warnings: problems.sorted())
    }

    /// Every input file read and recognised, in parallel; problems of all of them.
    static func read(_ request: Request) async -> ([ImportedFile], [ImportProblem]) {
        var problems: [ImportProblem] = []
        var jobs: [(path: String, url: URL, walkedFrom: String?)] = []
        var seen: Set<String> = []
        for input in request.inputs {
            let url = URL(fileURLWithPath: input)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                problems.append(ImportProblem(input, "no such file or folder"))
                continue
            }
            if isFolder.boolValue {
                let base = input.hasSuffix("/") ? String(input.dropLast()) : input
                for relative in FolderWalk.files(under: input, followingLinks: true) ?? [] where isCandidate(relative) {
                    let file = url.appendingPathComponent(relative)
                    if seen.insert(file.standardizedFileURL.path).inserted { jobs.append((base + "/" + relative, file, input)) }
                }
            } else if seen.insert(url.standardizedFileURL.path).inserted {
                jobs.append((input, url, nil))
            }
        }

        let work = jobs.map { (path: $0.path, url: $0.url, walked: $0.walkedFrom != nil) }
        let forced = request.format
        let outcomes = await withTaskGroup(of: [(Int, ImportDetector.Outcome)].self) { group in
            let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
            for worker in 0..<workers {
                group.addTask {
                    stride(from: worker, to: work.count, by: workers).map { index in
                        let job = work[index]
                        return (index, ImportDetector.read(path: job.path, url: job.url, forced: forced, walked: job.walked))
                    }
                }
            }
            var all: [(Int, ImportDetector.Outcome)] = []
            for await part in group { all += part }
            return all.sorted { $0.0 < $1.0 }.map(\.1)
        }

        var files: [ImportedFile] = []
        var foldersRead: Set<String> = []
        for (job, outcome) in zip(jobs, outcomes) {
            switch outcome {
            case .skipped:
                continue
            case .failed(let found):
                problems += found
                if let folder = job.walkedFrom { foldersRead.insert(folder) }
            case .read(let file, let conflicts):
                if request.date == nil { problems += conflicts }
                if let folder = job.walkedFrom { foldersRead.insert(folder) }
                if file.rows.contains(where: { $0.value != nil }) {
                    files.append(file)
                } else {
                    problems.append(ImportProblem(file.path, "no score found: this \(file.format.toolName) file has no value to import"))
                }
            }
        }
        for input in request.inputs where !foldersRead.contains(input) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue {
                problems.append(ImportProblem(input, "this folder holds no result file of a known format: \(ImportDetector.expected)"))
            }
        }
        return (files, problems)
    }

    /// Files a folder walk looks at: result formats' extensions, never lm-evaluation-harness' per-sample
    /// logs (`samples_*.jsonl`) or hidden files.
    static func isCandidate(_ relative: String) -> Bool {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        if name.hasPrefix(".") || relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { return false }
        if name.hasPrefix("samples_") { return false }
        let lowered = name.lowercased()
        return [".json", ".csv", ".md", ".markdown"].contains { lowered.hasSuffix($0) }
    }

    /// A temporary file beside the target, renamed over it: readers never see half a snapshot.
    private static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        try Data(text.utf8).write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }
}
