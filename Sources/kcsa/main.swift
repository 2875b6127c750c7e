import KCSACLI

KCSAMain.run()
