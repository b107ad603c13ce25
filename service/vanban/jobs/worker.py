"""The Redis queue's worker: rq's :class:`rq.Worker`, stopping as soon as it is asked.

rq (3.0) leaves its control channel by unsubscribing and then stopping redis-py's pub/sub
thread without a time limit. Since redis-py's ``PubSubWorkerThread.stop`` waits for the
thread to end, a worker whose thread read the unsubscribe reply before the stop flag was
cleared waits in ``get_message`` for rq's whole ``sleep_time`` (60 s) after a SIGTERM — under
systemd or a container runtime, long enough to be killed mid-teardown. Here the thread is
given one second; it is a daemon thread, so the process ends whether or not it has.
"""

from __future__ import annotations

from rq import Worker as RqWorker

#: Seconds a stopping worker waits for its pub/sub thread.
PUBSUB_STOP_SECONDS = 1.0


class Worker(RqWorker):
    def unsubscribe(self) -> None:
        thread = getattr(self, "pubsub_thread", None)
        if not thread:
            return
        self.log.info("Worker %s: unsubscribing from channel %s", self.name,
                      self.pubsub_channel_name)
        self.pubsub.unsubscribe()
        try:
            thread.stop(timeout=PUBSUB_STOP_SECONDS)  # redis-py that waits for the thread
        except TypeError:  # an older redis-py: stop() only clears the flag
            thread.stop()
        thread.join(timeout=PUBSUB_STOP_SECONDS)
        self.pubsub.close()
