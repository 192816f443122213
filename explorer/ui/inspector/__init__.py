"""ui/inspector"""
