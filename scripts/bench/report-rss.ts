// Preloaded into a benchmarked process: reports its peak memory when it exits.
process.on('exit', () => process.stderr.write(`\nmaxrss_kb ${process.resourceUsage().maxRSS}\n`));
