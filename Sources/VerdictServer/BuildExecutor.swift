import Dispatch

/// Runs builds on Dispatch threads of their own instead of Swift's cooperative pool. A render of a
/// big site keeps every thread it gets busy for seconds; on the cooperative pool that would queue the
/// server's request handling behind it, so a page fetched while the rest of the site is being caught up
/// would wait for the whole render. On separate threads the kernel shares the cores instead.
final class BuildExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "verdict.serve.build", qos: .utility, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
