// Preloaded (`node -r`) into every process the launchers start. The launchers start their children in
// their own process groups (so that Ctrl-C reaches only the launcher, which then stops them in order);
// the price is that a launcher killed with SIGKILL would leave them running, holding their ports.
// So a child watches its parent: once it has been re-parented (the launcher is gone), it stops itself
// with SIGTERM, exactly as if the launcher had asked. Inactive unless ISHC_SUPERVISOR_PID is set.
const supervisorPid = Number(process.env.ISHC_SUPERVISOR_PID);

if (Number.isInteger(supervisorPid) && supervisorPid > 0) {
  const timer = setInterval(() => {
    if (process.ppid !== supervisorPid) {
      clearInterval(timer);
      console.error(`the launcher (pid ${supervisorPid}) is gone: stopping`);
      process.kill(process.pid, 'SIGTERM');
    }
  }, 1000);
  timer.unref(); // never keeps the process alive by itself
}
